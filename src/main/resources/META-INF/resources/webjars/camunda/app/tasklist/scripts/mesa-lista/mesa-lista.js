/*
 * Mesa de Servicios IDEP: Tasklist offers only what the person logged in may do, and text typed in
 * the search box looks for the ticket's code.
 *
 * Loaded by ../config.js (customScripts: ['scripts/mesa-lista/mesa-lista.js']) before Tasklist
 * starts; it exports nothing (it is no plugin) and only adds to Tasklist's Angular module.
 *
 * 1. «Create task» and «Start process» are hidden until the engine says the user may use them:
 *    CREATE on Task (only administrators have it) for the first; a process he may start from
 *    Tasklist (requesters and administrators) for the second, the same question the start dialog
 *    asks. Checked again at every login. The server refuses either way; this only stops offering
 *    what would be refused. Cockpit and Admin need no help: Tasklist's header lists only the apps
 *    the user may open.
 * 2. Each list entry shows the four variables of its ticket that the filters name (code, subject,
 *    requester, priority), without the click Tasklist asks for beyond the first two, and without
 *    the bare task priority (80) that «Prioridad: Alta» says better.
 * 3. Text typed in the search box without choosing a criterion becomes a «Business Key like»
 *    search instead of «Task name like»: the business key is the ticket's code (MDS-2026-000123),
 *    and part of it (000123) is enough. The other criteria stay in the list.
 *
 * Both use Tasklist 7.24's own pieces (its Angular module, the search widget's list of criteria);
 * should they change, each step gives up silently and Tasklist works as shipped.
 */
const angular = window.angular;

const MAY_CREATE_TASKS = 'mesa-puede-crear-tareas';
const MAY_START_PROCESSES = 'mesa-puede-iniciar-procesos';
const ANSWERED = 'mesa-permisos-consultados';
const BUSINESS_KEY = 'processInstanceBusinessKey';

// Hidden before Tasklist draws its header, so that nobody sees them come and go. Each list entry
// shows all four of its ticket's variables (two rows), not only the first row until one clicks to
// expand it; and not the bare number Tasklist sorts by (80), which «Prioridad: Alta» says.
const style = document.createElement('style');
style.textContent = `
  html:not(.${MAY_CREATE_TASKS}) li.create-task-action,
  html:not(.${MAY_START_PROCESSES}) li.start-process-action { display: none !important; }
  [cam-tasks] .task-card-details { max-height: none; }
  [cam-tasks] .task-card-details .shutter { display: none; }
  [cam-tasks] .tasks-list .cells-wrapper .priority { display: none; }
`;
document.head.appendChild(style);

function searchTheCodeByDefault(types) {
  if (!Array.isArray(types)) return;
  const businessKey = types.find(type => type && type.id && type.id.key === BUSINESS_KEY);
  if (!businessKey) return;
  types.forEach(type => {
    type.default = type === businessKey;
  });
}

try {
  const tasklist = angular.module('cam.tasklist');

  tasklist.config([
    '$provide',
    function($provide) {
      $provide.decorator('camWidgetSearchDirective', [
        '$delegate',
        function($delegate) {
          const directive = $delegate[0];
          const compile = directive && directive.compile;
          if (typeof compile !== 'function') return $delegate;
          directive.compile = function() {
            const link = compile.apply(this, arguments);
            const post = typeof link === 'function' ? link : link && link.post;
            if (typeof post !== 'function') return link;
            const decorated = function(scope) {
              try {
                searchTheCodeByDefault(scope.types);
              } catch (e) {
                // Tasklist's search as shipped.
              }
              return post.apply(this, arguments);
            };
            return typeof link === 'function' ? decorated : {pre: link.pre, post: decorated};
          };
          return $delegate;
        }
      ]);
    }
  ]);

  tasklist.run([
    '$rootScope',
    '$http',
    '$q',
    'Uri',
    function($rootScope, $http, $q, Uri) {
      const root = document.documentElement.classList;
      const engine = path => Uri.appUri('engine://engine/:engine/' + path);
      let asked = 0;

      function offer(authentication) {
        const question = ++asked;
        root.remove(MAY_CREATE_TASKS, MAY_START_PROCESSES, ANSWERED);
        if (!authentication || !authentication.name) return;
        const answer = (className, allowed) => response => {
          if (question === asked && allowed(response.data)) root.add(className);
        };
        const answers = [
          $http
            .get(engine('authorization/check'), {
              params: {permissionName: 'CREATE', resourceName: 'Task', resourceType: 7}
            })
            .then(answer(MAY_CREATE_TASKS, data => data && data.authorized === true), angular.noop),
          $http
            .get(engine('process-definition/count'), {
              params: {
                latest: true,
                active: true,
                startableInTasklist: true,
                startablePermissionCheck: true
              }
            })
            .then(answer(MAY_START_PROCESSES, data => data && data.count > 0), angular.noop)
        ];
        // Both answers are in (the browser test waits for it).
        $q.all(answers).then(() => {
          if (question === asked) root.add(ANSWERED);
        });
      }

      $rootScope.$on('authentication.changed', (event, authentication) => offer(authentication));
      offer($rootScope.authentication);
    }
  ]);
} catch (e) {
  // Tasklist as shipped: nothing is hidden.
  document.documentElement.classList.add(MAY_CREATE_TASKS, MAY_START_PROCESSES);
}
