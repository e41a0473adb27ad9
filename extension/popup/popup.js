// The toolbar popup: the two settings an agent changes often (mode and
// name), what the coach runs with, and the way to the options page.
import { loadSettings, saveSettings } from '../shared/settings.js';

const s = await loadSettings();
for (const radio of document.querySelectorAll('input[name=mode]')) {
  radio.checked = radio.value === s.mode;
  radio.addEventListener('change', () => radio.checked && saveSettings({ mode: radio.value }));
}
const agent = document.getElementById('agent');
agent.value = s.agent;
agent.addEventListener('change', () => saveSettings({ agent: agent.value.trim() }));

const { pack } = await chrome.storage.local.get('pack');
const sites = s.sites.length;
document.getElementById('summary').textContent =
  `${sites ? `Runs on ${sites} site${sites > 1 ? 's' : ''}` : 'Not enabled on any site yet'} · ${pack ? 'team rule pack' : 'built-in rules'}.`;
document.getElementById('options').addEventListener('click', () => chrome.runtime.openOptionsPage());
