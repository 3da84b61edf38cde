/*
 * Mesa de Servicios IDEP: dates in Bogotá time (America/Bogota, UTC-5), whatever the browser's time
 * zone. Loaded by ../config.js (customScripts); the script is Tasklist's, shared by the three apps.
 */
import '../../../tasklist/scripts/zona-horaria/zona-horaria.js';
