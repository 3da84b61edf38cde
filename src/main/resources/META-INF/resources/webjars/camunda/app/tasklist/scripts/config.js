/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // Mesa de Servicios IDEP: the header reads "IDEP Mesa de Servicios" (vendor + name).
  // The Camunda 8 migration banner has no config option (isCommunityEdition is
  // hard-coded); it is hidden in ../styles/user-styles.css.
  app: {
    name: 'Mesa de Servicios',
    vendor: 'IDEP'
  },
  // Dates in Bogotá time whatever the browser's zone (scripts/zona-horaria/zona-horaria.js, first:
  // before anything is formatted); «Mis tickets»: the header's link and the new ticket's code
  // (scripts/mis-tickets/mis-tickets.js); the task list's entries by ticket code, the search by code
  // and only the buttons one may use (scripts/mesa-lista/mesa-lista.js).
  customScripts: ['scripts/zona-horaria/zona-horaria.js', 'scripts/mis-tickets/mis-tickets',
    'scripts/mesa-lista/mesa-lista.js'],
  // Spanish for everyone, whatever the browser's language. Camunda 7.24 has no "default locale"
  // setting and keeps no language choice (no localStorage key, no cookie): at start it takes the
  // browser's first language (navigator.languages[0]: "en-US" -> "en"), uses it if it is in
  // availableLocales and otherwise uses fallbackLocale (determinePreferredLanguage in
  // camunda-tasklist-bootstrap.js). With ['es', 'en'] an English browser, like Chromium's default
  // en-US, gets English (tried), and fallbackLocale 'en' would give English to every browser set to
  // neither language. Hence 'es' is the only locale offered, and the fallback too. es.json has
  // every key of the webjar's en.json (WebappLocalesTest), so no label is missing. To offer English
  // again, list 'en' after 'es': browsers set to English then get English.
  locales: {
    availableLocales: ['es'],
    fallbackLocale: 'es'
  },
  // Dates in Spanish, Colombian style (moment.js formats; month and day names come from
  // dateLocales in ../locales/es.json): normal "5 de marzo de 2026, 14:30", long
  // "jueves, 5 de marzo de 2026, 14:30", short "5 de marzo de 2026", abbr "5 mar. 2026, 14:30".
  // Relative times ("hace 3 días") use es.json's dateLocales too.
  // The formats' literal words are Spanish: were 'en' offered again, English browsers would read
  // "Friday, 4 de December de 2026".
  // Time zone: Camunda 7.24 has no setting for it and ships no moment-timezone; the first custom
  // script makes the apps' moment show Bogotá time (UTC-5, no daylight saving). Date pickers and
  // the footer still use the browser's own zone.
  dateFormat: {
    normal: 'D [de] MMMM [de] YYYY, HH:mm',
    long: 'dddd, D [de] MMMM [de] YYYY, HH:mm',
    short: 'D [de] MMMM [de] YYYY',
    abbr: 'D MMM YYYY, HH:mm'
  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // Keyboard shortcuts; the descriptions are shown in Tasklist's "Atajos de teclado" dialog.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'reclama la tarea seleccionada'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'lleva el foco al primer filtro de la lista'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'lleva el foco a la primera tarea de la lista'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'lleva el foco al primer campo del formulario de la tarea'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'abre el diálogo para iniciar un proceso'
    }
  }
};
