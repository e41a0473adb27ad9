// QA mode on a conversation page: the conversation is read from the page
// (./thread.js), audited by the engine through the same line reader as
// `handoff-coach audit` (`auditLine`), and shown in the QA overlay
// (./overlay.js) without touching the helpdesk's elements.
//
// The coach (../coach.js) owns the page watching: it calls `scan` whenever
// the page changed, and this audits again only when the conversation it
// reads is a different one (a new message, another ticket); the overlay
// follows scrolling and resizing by itself.
import { csvText, copyText, saveFile } from './files.js';
import { QaOverlay } from './overlay.js';
import { readConversation } from './thread.js';

export class QaView {
  /** `coach`: what the coach's sessions share (`engine`, `explain(ids)`, `onError`). */
  constructor(coach, doc = document) {
    this.coach = coach;
    this.doc = doc;
    this.overlay = new QaOverlay({ copyJson: () => this.#copyJson(), downloadCsv: () => this.#downloadCsv() });
    doc.documentElement.append(this.overlay.host);
    this.conversation = null;
    this.elements = [];
    this.line = null; // the audit line of the conversation shown (or being audited)
    this.result = null; // the engine's answer for it
    this.inFlight = false;
    this.destroyed = false;
    this.raf = 0;
    this.onMove = () => {
      if (!this.raf) this.raf = requestAnimationFrame(() => {
        this.raf = 0;
        this.overlay.place();
      });
    };
    this.listen = { capture: true, passive: true };
    doc.addEventListener('scroll', this.onMove, this.listen);
    doc.defaultView.addEventListener('resize', this.onMove, this.listen);
  }

  /** Reads the page again; `cardFor(el)` is the card text nearest to an element. */
  scan(roots, site, cardFor) {
    const { conversation, elements } = readConversation(roots, site, cardFor, this.doc);
    this.elements = elements;
    const line = conversation ? JSON.stringify(conversation) : null;
    if (line === this.line) {
      this.onMove();
      return;
    }
    this.conversation = conversation;
    this.line = line;
    this.#audit();
  }

  /** The engine changed (a new pack): audit again. */
  refresh() {
    this.#audit();
  }

  /** The conversation and its audit as shown, or null. */
  current() {
    return this.result && { conversation: this.conversation, ...this.result };
  }

  #audit() {
    if (this.inFlight || this.destroyed) return; // the answer in flight sees that the line changed
    const line = this.line;
    const conversation = this.conversation;
    if (!line) {
      this.result = null;
      this.overlay.show(null);
      return;
    }
    this.inFlight = true;
    this.coach.engine.auditLine(line).then(async (out) => {
      const names = await this.coach.explain(Object.keys(out.audit?.qa ?? {}));
      this.inFlight = false;
      if (this.destroyed) return;
      if (line !== this.line) {
        this.#audit();
        return;
      }
      this.result = out;
      this.overlay.show(out, conversation, this.elements, names);
    }, (err) => {
      this.inFlight = false;
      this.coach.onError(err);
      setTimeout(() => !this.destroyed && line === this.line && this.#audit(), 1000);
    });
  }

  async #copyJson() {
    const audit = this.result?.audit;
    if (!audit) return;
    const ok = await copyText(JSON.stringify(audit), this.overlay.root);
    this.overlay.setStatus(ok ? 'Copied the audit as JSON.' : 'The browser did not allow copying.');
  }

  async #downloadCsv() {
    const row = this.result?.row;
    if (!row) return;
    const header = await this.coach.engine.csvHeader();
    saveFile('handoff-audit.csv', csvText(header, [row]), 'text/csv');
    this.overlay.setStatus('Downloaded handoff-audit.csv.');
  }

  destroy() {
    this.destroyed = true;
    cancelAnimationFrame(this.raf);
    this.doc.removeEventListener('scroll', this.onMove, this.listen);
    this.doc.defaultView.removeEventListener('resize', this.onMove, this.listen);
    this.overlay.destroy();
    this.line = null;
  }
}
