/*
 * «Mis tickets» in Tasklist (README, «Mis tickets»): a Tasklist custom script, loaded by the line
 *
 *   customScripts: ['scripts/mis-tickets/mis-tickets']
 *
 * of ../config.js. It
 *   1. adds «Mis tickets» to Tasklist's header (plugin point tasklist.navbar.action), a link to the
 *      requester's pages /mis-tickets, which share Tasklist's login;
 *   2. right after a start form opens a ticket, tells the requester its code (the business key that
 *      «Registrar el ticket» gives the instance), with a link to the ticket's page;
 *   3. when /mis-tickets sent someone here to log in (?volver=/mis-tickets/...), says so, and takes
 *      him back there once he is logged in.
 * It only watches Tasklist's own requests (XMLHttpRequest, which Tasklist and its SDK use) and never
 * changes them; should anything here fail, Tasklist works as before.
 */

const base = document.querySelector('base');
/** Where the webapps are, e.g. «/camunda». */
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
/** The application's root: the webapps are one path segment below it (camunda.bpm.webapp.application-path). */
const root = appRoot.slice(0, appRoot.lastIndexOf('/'));
/** The engine Tasklist works with: the last segment of its base, «/camunda/app/tasklist/default/». */
const engine = ((base && base.getAttribute('href')) || '/default/').split('/').filter(Boolean).pop() || 'default';

const MIS_TICKETS = root + '/mis-tickets';
const CODE = /^MDS-\d{4}-\d{6}$/;
/** The only pages /mis-tickets ever sends here to come back to (security/WebappLoginEntryPoint). */
const BACK = /^\/mis-tickets(\/[A-Za-z0-9-]{1,40})?$/;

const back = new URLSearchParams(window.location.search).get('volver');
const destination = back && BACK.test(back) ? root + back : null;

const styles = document.createElement('link');
styles.rel = 'stylesheet';
styles.href = new URL('mis-tickets.css', import.meta.url).href;
document.head.appendChild(styles);

/** The notice: a live region, there from the start so that what it later says is read out. */
const notice = document.createElement('div');
notice.className = 'mis-tickets-aviso';
notice.setAttribute('role', 'status');
document.body.appendChild(notice);

function element(name, attributes, ...children) {
  const node = document.createElement(name);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
  node.append(...children);
  return node;
}

function show(...children) {
  const close = element('button', {type: 'button', class: 'mis-tickets-cerrar'}, 'Cerrar este aviso');
  close.addEventListener('click', () => {
    notice.replaceChildren();
    notice.classList.remove('mis-tickets-visible');
  });
  notice.replaceChildren(element('div', {class: 'mis-tickets-texto'}, ...children), close);
  notice.classList.add('mis-tickets-visible');
}

function showCode(code) {
  show(element('p', {},
      'Su ticket quedó registrado con el código ', element('strong', {class: 'mis-tickets-codigo'}, code),
      '. Con él puede seguirlo en «Mis tickets».'),
    element('p', {}, element('a', {href: MIS_TICKETS + '/' + code}, 'Ver el ticket ' + code)));
}

function json(xhr) {
  if (xhr.responseType === 'json') return xhr.response;
  try {
    return JSON.parse(xhr.responseText);
  } catch (notJson) {
    return null;
  }
}

/** A start form was submitted: the instance's business key is the ticket's code. */
function started(xhr, path) {
  if (xhr.status !== 200) return;
  const instance = json(xhr);
  if (!instance) return;
  if (CODE.test(instance.businessKey || '')) {
    showCode(instance.businessKey);
  } else if (instance.id) {
    // Should the answer lack it, the instance has it (for those who may read the instance).
    const engineApi = path.slice(0, path.indexOf('/process-definition/'));
    fetch(engineApi + '/process-instance/' + encodeURIComponent(instance.id),
        {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((response) => (response.ok ? response.json() : null))
      .then((found) => found && CODE.test(found.businessKey || '') && showCode(found.businessKey))
      .catch(() => {});
  }
}

function goBack() {
  if (destination) window.location.assign(destination);
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  try {
    const path = new URL(String(url), window.location.href).pathname;
    if (/^post$/i.test(method) && /\/process-definition\/.+\/submit-form$/.test(path)) {
      this.addEventListener('load', () => started(this, path));
    } else if (destination && /^post$/i.test(method) && /\/auth\/user\/[^/]+\/login\/[^/]+$/.test(path)) {
      this.addEventListener('load', () => this.status === 200 && goBack());
    }
  } catch (ignored) {
    // Never in Tasklist's way.
  }
  return open.apply(this, arguments);
};

if (destination) {
  show(element('p', {}, 'Inicie sesión en la Mesa de Servicios para ver sus tickets. Después volverá a «Mis tickets».'));
  // Already logged in (a link from another site, whose first request carried no session cookie): back at once.
  fetch(appRoot + '/api/admin/auth/user/' + encodeURIComponent(engine),
      {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => response.ok && goBack())
    .catch(() => {});
}

export default [{
  id: 'mis-tickets',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render(node) {
    node.appendChild(element('a', {href: MIS_TICKETS, class: 'mis-tickets-enlace'}, 'Mis tickets'));
  }
}];
