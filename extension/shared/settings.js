// The extension's settings: one place for their shape, their defaults and
// where they are kept (chrome.storage.local; nothing is synced or sent).
//
//   settings  { mode, agent, sendGuard, sites: [match patterns the coach may run on] }
//             sendGuard: ask once before a reply with errors is sent (off by default)
//   pack      the imported rule pack's TOML text ('' for none), stored only
//             after the engine validated it and its own tests passed
//   ui        { collapsed } — the panel's state, remembered

export const MODES = ['agent', 'trainer', 'qa'];

/** Helpdesks offered in the options page (each also in the manifest's optional_host_permissions). */
export const KNOWN_SITES = [
  ['Zendesk', 'https://*.zendesk.com/*'],
  ['Freshdesk', 'https://*.freshdesk.com/*'],
  ['Intercom', 'https://app.intercom.com/*'],
  ['Help Scout', 'https://secure.helpscout.net/*'],
  ['Gorgias', 'https://*.gorgias.com/*'],
  ['Salesforce (Lightning)', 'https://*.lightning.force.com/*'],
  ['Salesforce (Classic)', 'https://*.my.salesforce.com/*'],
  ['HubSpot', 'https://app.hubspot.com/*'],
  ['Front', 'https://app.frontapp.com/*'],
  ['Kustomer', 'https://*.kustomerapp.com/*'],
  ['Helpshift', 'https://*.helpshift.com/*'],
  ['Demo helpdesk (127.0.0.1)', 'http://127.0.0.1/*'],
  ['Demo helpdesk (localhost)', 'http://localhost/*'],
];

export const DEFAULT_SETTINGS = { mode: 'agent', agent: '', sendGuard: false, sites: [] };

/** The settings, with defaults for anything missing or malformed. */
export async function loadSettings() {
  const { settings } = await chrome.storage.local.get('settings');
  const s = { ...DEFAULT_SETTINGS, ...(settings ?? {}) };
  if (!MODES.includes(s.mode)) s.mode = DEFAULT_SETTINGS.mode;
  if (typeof s.agent !== 'string') s.agent = '';
  s.sendGuard = s.sendGuard === true;
  if (!Array.isArray(s.sites)) s.sites = [];
  return s;
}

// The writes of this page, one after another: two quick changes (a mode,
// then a name) must not both read the old settings, or the later write
// would undo the earlier one.
let saving = Promise.resolve();

/** Merges `changes` into the stored settings (after this page's earlier changes). */
export function saveSettings(changes) {
  const saved = saving.then(async () => {
    const settings = { ...(await loadSettings()), ...changes };
    await chrome.storage.local.set({ settings });
    return settings;
  });
  saving = saved.catch(() => {});
  return saved;
}
