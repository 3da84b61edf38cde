/*
 * Mesa de Servicios IDEP: Tasklist, Cockpit and Admin show every date in Bogotá time
 * (America/Bogota, UTC-5, no daylight saving since 1993), whatever the browser's time zone.
 *
 * Loaded by each app's config.js (customScripts) before the app starts; Cockpit's and Admin's
 * scripts/zona-horaria/zona-horaria.js only import this file. It exports nothing.
 *
 * The webapps format dates with the moment.js 2.30.1 of lib/deps.js (the camDate filter, the
 * "hace 3 días" of angular-moment), which no page exposes (no window.moment, no AMD module) and
 * which Camunda ships without moment-timezone. It is taken from the webpack runtime the apps share
 * (module 98024 of deps.js in 7.24.0; otherwise the module that is moment, by its source) and given
 * the hook moment-timezone itself uses, moment.updateOffset, so that every moment that would be in
 * the browser's time is in UTC-05:00 instead, as moment.tz.setDefault('America/Bogota') would make
 * it:
 *   - a date with its offset (all of the REST API's, "2026-03-05T19:30:00.000+0000") or a Date keeps
 *     its instant and is shown in Bogotá: "5 de marzo de 2026, 14:30", not Tokyo's "6 de marzo, 04:30";
 *   - a date and time written without an offset ("2026-03-05T14:30") is read as Bogotá's;
 *   - moment.utc(...) and .utc() stay UTC; .local() means Bogotá.
 * Instants do not change (valueOf, diff, "hace 3 días"), only the wall time shown.
 *
 * Not covered: what does not use moment. Date pickers (uib-datepicker) and form-js date fields
 * work on the browser's own Date, the footer names the browser's zone
 * (Intl.DateTimeFormat().resolvedOptions().timeZone), and Cockpit's charts use the browser's
 * clock. Should Camunda's bundle change so that moment cannot be found, this script warns in the
 * console and the apps show the browser's time as shipped.
 */

/** Bogotá's offset from UTC, in minutes. */
const OFFSET = -5 * 60;
/** The moment of lib/deps.js in Camunda 7.24.0. */
const MOMENT_MODULE = 98024;
/** Set on a moment by the hook: true while it follows Bogotá, false once made UTC or given an offset. */
const FOLLOWS = '_mesaBogota';

function isMoment(candidate) {
  return typeof candidate === 'function' && candidate.fn && typeof candidate.fn.utcOffset === 'function'
    && typeof candidate.updateOffset === 'function' && Array.isArray(candidate.momentProperties)
    && /^2\./.test(candidate.version || '');
}

/** The apps' moment, from the webpack runtime of lib/runtime.js (the chunk list the apps share). */
function findMoment() {
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  if (!chunks || typeof chunks.push !== 'function') return null;
  let require = null;
  // A chunk with no modules whose only job is to be handed the runtime's require.
  chunks.push([['mesa-zona-horaria-' + Date.now()], {}, r => {
    require = r;
  }]);
  if (!require || !require.m) return null;
  if (require.m[MOMENT_MODULE]) {
    const known = require(MOMENT_MODULE);
    if (isMoment(known)) return known;
  }
  // Another Camunda build: the module whose source is moment's own (only that one is run).
  for (const id of Object.keys(require.m)) {
    const source = Function.prototype.toString.call(require.m[id]);
    if (source.includes('momentProperties') && source.includes('updateOffset') && source.includes('defineLocale')) {
      const found = require(id);
      if (isMoment(found)) return found;
    }
  }
  return null;
}

function followBogota(moment) {
  if (moment[FOLLOWS]) return; // loaded twice (Cockpit and Admin import this file)
  moment[FOLLOWS] = true;
  const setOffset = moment.fn.utcOffset;
  const previousHook = moment.updateOffset;
  // Clones (moment(m), m.clone()) keep whether they follow Bogotá; the parsed fields (_a) reach the
  // new moment, so that the hook sees whether it was written without an offset (as moment-timezone does).
  moment.momentProperties.push(FOLLOWS, '_a');

  // An offset given explicitly (utcOffset(x), utc(), zone(x)) is kept: the moment stops following Bogotá.
  moment.fn.utcOffset = function(input) {
    if (input != null) this[FOLLOWS] = false;
    return setOffset.apply(this, arguments);
  };
  // "Local time" is Bogotá's.
  moment.fn.local = function(keepLocalTime) {
    this[FOLLOWS] = true;
    return setOffset.call(this, OFFSET, keepLocalTime);
  };

  // Called by moment when a moment is made and after every change to it.
  moment.updateOffset = function(mom, keepTime) {
    if (typeof previousHook === 'function') previousHook.apply(this, arguments);
    if (mom[FOLLOWS] === undefined) {
      // Just made: only those that would be in the browser's time follow Bogotá, not moment.utc(...).
      mom[FOLLOWS] = !mom._isUTC;
      if (mom[FOLLOWS] && mom.isValid() && writtenWithoutOffset(mom)) {
        // "2026-03-05T14:30" is 14:30 in Bogotá: the instant is that wall time, plus five hours.
        mom._d = new Date(moment.utc(mom._a).valueOf() - OFFSET * 60000);
      }
    }
    if (mom[FOLLOWS] && mom.isValid()) setOffset.call(mom, OFFSET, keepTime);
  };
}

/** Parsed from a date and time without an offset (not a Date, a number, "X" or an ISO string with Z or ±hh:mm). */
function writtenWithoutOffset(mom) {
  return !!mom._a && mom._tzm === undefined && mom._f !== 'X' && mom._f !== 'x';
}

try {
  const moment = findMoment();
  if (moment) {
    followBogota(moment);
  } else {
    console.warn('zona-horaria: moment.js not found; dates are shown in the browser\'s time zone');
  }
} catch (e) {
  console.warn('zona-horaria: dates are shown in the browser\'s time zone', e);
}
