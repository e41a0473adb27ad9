// Takes docs/screenshot.png: the demo helpdesk with the coach's findings
// shown, as a person sees it (headless Chromium at 1440x900, the page coach).
//
//   node scripts/demo-screenshot.mjs [OUT.png]
//
// Needs what scripts/run builds. The reply is typed key by key into the Quill
// reply box of the guide's conversation (conv01); it makes the coach find
// something of each kind: a never-ask, an avoid, and missing checklist items.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, waitForPanel } from '../tests/browser/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs', 'screenshot.png'));
const REPLY = "Hi Sarah, I'm Alex. Sorry the bot couldn't help you with this. "
  + "Could you walk me through what happened with the charges? I'll check your account.";

const b = await launch({ extension: false });
try {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${b.origin}/?c=conv01&editor=quill&mode=agent&agent=Alex`);
  await page.evaluate(() => window.helpdesk.ready);
  await page.locator('[data-hd-reply]').click();
  await page.keyboard.type(REPLY);
  const state = await waitForPanel(page, (s) => s.findings.some((f) => f.start !== null));
  await page.mouse.move(10, 890); // no hover card over the panel
  await page.screenshot({ path: OUT });
  console.log(`wrote ${path.relative(ROOT, OUT)}: ${state.findings.map((f) => f.rule).join(', ')}`);
  if (b.outside.length) throw new Error(`requests left the page's origin: ${b.outside.join(', ')}`);
} finally {
  await b.close();
}
