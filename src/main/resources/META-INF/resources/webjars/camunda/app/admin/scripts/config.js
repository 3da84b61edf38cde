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
  // Spanish for everyone, whatever the browser's language. Camunda 7.24 has no "default locale"
  // setting and keeps no language choice (no localStorage key, no cookie): at start it takes the
  // browser's first language (navigator.languages[0]: "en-US" -> "en"), uses it if it is in
  // availableLocales and otherwise uses fallbackLocale (determinePreferredLanguage in
  // camunda-admin-bootstrap.js). With ['es', 'en'] an English browser, like Chromium's default
  // en-US, gets English (tried), and fallbackLocale 'en' would give English to every browser set to
  // neither language. Hence 'es' is the only locale offered, and the fallback too. es.json has
  // every key of the webjar's en.json (WebappLocalesTest), so no label is missing. To offer English
  // again, list 'en' after 'es': browsers set to English then get English.
  locales: {
    availableLocales: ['es'],
    fallbackLocale: 'es'
  },
  // Dates: unlike Tasklist and Cockpit, this app does not read a 'dateFormat' entry; it formats
  // dates with moment's long formats (LLL, LLLL) from dateLocales in ../locales/es.json.
  // They are shown in Bogotá time by the custom script below (UTC-5, whatever the browser's zone).
  // // custom libraries and scripts loading and initialization,
  // // see: http://docs.camunda.org/guides/user-guide/#tasklist-customizing-custom-scripts
  // Dates in Bogotá time whatever the browser's zone (see tasklist/scripts/zona-horaria).
  customScripts: ['scripts/zona-horaria/zona-horaria.js'],
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'admin' folder)
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
  //     // if you have a folder called `custom-ui` (in the `admin` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // 'runtimeActivityInstanceMetrics': {
  //   'display': true
  // },
  // 'historicActivityInstanceMetrics': {
  //   'adjustablePeriod': true,
  //   'period': {
  //     'unit': 'day'
  //   }
  // },
  // 'locales': {
  //   'availableLocales': ['en', 'de'],
  //   'fallbackLocale': 'en'
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // userOperationLogAnnotationLength: 4000
};
