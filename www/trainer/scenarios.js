// The trainer's scenarios: a JSON file a trainer can replace (the page's
// own ./scenarios.json, or one picked with "Load scenarios…"; nothing is
// uploaded). Its format:
//
//   {
//     "format": "handoff-coach trainer scenarios 1",
//     "title": "…",                       // optional: what the set is
//     "scenarios": [{
//       "id": "double-charge",             // unique, used in the results
//       "title": "Charged twice",
//       "card": "Customer: Sarah Chen\n…", // the escalation card, as a helpdesk shows it
//       "persona": {                       // optional: Exercise 3 (role-play)
//         "who": "…", "mood": "…", "wants": "…",
//         "lines": ["…", "…"]              // what the customer says, in order
//       },
//       "conversation": [                  // optional: Exercise 4 (mistake spotting),
//         {"role": "customer" | "ai" | "agent", "text": "…", "at": "2026-03-04T09:12:05Z"}
//       ]                                  // as a line of `handoff-coach audit` has them
//     }]
//   }
//
// Every exercise reads the card with the engine; Exercise 4 audits the
// conversation with it. Only the shape is checked here: what a scenario
// says is the trainer's.

export const FORMAT = 'handoff-coach trainer scenarios 1';
const ROLES = ['customer', 'ai', 'agent'];

const isText = (v) => typeof v === 'string' && v.trim() !== '';

/** Why `data` is not a scenario set (the first problem, with where it is), or null. */
function problem(data) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'expected a JSON object';
  if (data.format !== FORMAT) return `"format" must be "${FORMAT}"`;
  if (!Array.isArray(data.scenarios) || data.scenarios.length === 0) return '"scenarios" must be a non-empty array';
  const ids = new Set();
  for (const [i, s] of data.scenarios.entries()) {
    const at = `scenarios[${i}]`;
    if (!s || typeof s !== 'object') return `${at}: expected an object`;
    for (const key of ['id', 'title', 'card']) if (!isText(s[key])) return `${at}.${key}: expected text`;
    if (ids.has(s.id)) return `${at}.id: "${s.id}" is used twice`;
    ids.add(s.id);
    if (s.persona !== undefined) {
      const p = s.persona;
      if (!p || typeof p !== 'object') return `${at}.persona: expected an object`;
      for (const key of ['who', 'mood', 'wants']) if (p[key] !== undefined && typeof p[key] !== 'string') return `${at}.persona.${key}: expected text`;
      if (p.lines !== undefined && !(Array.isArray(p.lines) && p.lines.every(isText))) return `${at}.persona.lines: expected a list of text`;
    }
    if (s.conversation !== undefined) {
      if (!Array.isArray(s.conversation)) return `${at}.conversation: expected an array`;
      for (const [j, m] of s.conversation.entries()) {
        const mat = `${at}.conversation[${j}]`;
        if (!m || !ROLES.includes(m.role)) return `${mat}.role: expected ${ROLES.join(', ')}`;
        if (typeof m.text !== 'string') return `${mat}.text: expected text`;
        if (m.at !== undefined && m.at !== null && typeof m.at !== 'string') return `${mat}.at: expected a time`;
      }
    }
  }
  return null;
}

/** Parses a scenario file's text; resolves to the set or throws an Error saying what is wrong. */
export function parseScenarios(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON: ${err.message}`);
  }
  const why = problem(data);
  if (why) throw new Error(why);
  return data;
}

/** The page's own scenario set. */
export async function defaultScenarios() {
  const res = await fetch(new URL('./scenarios.json', import.meta.url));
  if (!res.ok) throw new Error(`scenarios.json: ${res.status}`);
  return parseScenarios(await res.text());
}

/** A scenario's conversation as one line of an audit file (what `auditLine` reads). */
export function auditLineOf(scenario) {
  return JSON.stringify({ id: scenario.id, summary: scenario.card, messages: scenario.conversation ?? [] });
}
