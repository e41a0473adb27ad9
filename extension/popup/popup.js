// The toolbar popup: the two settings an agent changes often (mode and
// name), what the coach runs with, and the way to the options page.
import { portEngine } from '../shared/port-client.js';
import { loadSettings, saveSettings } from '../shared/settings.js';

const s = await loadSettings();
for (const radio of document.querySelectorAll('input[name=mode]')) {
  radio.checked = radio.value === s.mode;
  radio.addEventListener('change', () => radio.checked && saveSettings({ mode: radio.value }));
}
const guard = document.getElementById('send-guard');
guard.checked = s.sendGuard;
guard.addEventListener('change', () => saveSettings({ sendGuard: guard.checked }));
const agent = document.getElementById('agent');
agent.value = s.agent;
agent.addEventListener('change', () => saveSettings({ agent: agent.value.trim() }));

// The pack the engine really runs with: a stored one it could not use is not "in use".
const { pack } = await chrome.storage.local.get('pack');
const info = pack ? await portEngine('options').packInfo().catch(() => null) : null;
const rules = !pack ? 'built-in rules' : info && !info.problem ? 'team rule pack' : 'built-in rules (the stored pack is not used)';
const sites = s.sites.length;
document.getElementById('summary').textContent =
  `${sites ? `Runs on ${sites} site${sites > 1 ? 's' : ''}` : 'Not enabled on any site yet'} · ${rules}.`;
document.getElementById('options').addEventListener('click', () => chrome.runtime.openOptionsPage());
