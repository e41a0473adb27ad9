// One coached reply box: its field adapter, its underlines, its overlay, its
// panel and its send guard, and the loop that keeps them in step with what
// the agent types.
//
// Linting: at most one check per animation frame, never two in flight. The
// first change in a frame is checked at once (a keystroke's underline must
// not wait for the next frame); changes after it in the same frame mark the
// session dirty, and the coach's frame loop sends one check for all of them.
// A result is shown only if the reply is still the text it was computed
// for; otherwise the next frame asks again.
//
// Between a keystroke and the next result the underlines must not lie: the
// edit is located (common prefix and suffix of the old and new text), spans
// after it move by the edit's length, and a span the edit touched is hidden
// until the next result, never drawn in the wrong place. Those carried spans
// are drawn in the next frame, before the next paint, not in the input
// handler: drawing measures layout, and the check should leave first.
import { editRegion } from './diff.js';
import { frameOffset, shiftRect } from './dom.js';
import { fieldFor } from './fields/index.js';
import { SendGuard } from './guard.js';
import { Overlay } from './overlay.js';
import { Panel } from './panel.js';
import { carrySpans, sameSpans } from './spans.js';

export class Session {
  /**
   * `coach`: what the sessions share: `{ engine, settings, site, limits,
   * collapsed, setCollapsed(bool), noCardHint, onError(err), wake(),
   * explain(ids) }` (wake: a frame is needed soon; limits: the engine's
   * `{reply, card}`, or null).
   */
  constructor(element, coach) {
    this.coach = coach;
    this.field = fieldFor(element, { early: Boolean(coach.engine.remote) });
    this.overlay = new Overlay();
    this.painter = this.field.painter(this.overlay.layer);
    this.panel = new Panel({
      editField: (name, value) => this.#editField(name, value),
      resetFields: () => this.#resetFields(),
      accept: (finding) => this.accept(finding),
      insertOpening: () => this.insertOpening(),
      focusFinding: (finding) => this.#focusFinding(finding),
      setPhase: (phase) => {
        this.phase = phase;
        this.dirty = true;
        coach.wake();
      },
      setCollapsed: (collapsed) => coach.setCollapsed(collapsed),
    });
    this.phase = 'first';
    this.cardText = undefined; // undefined: not set yet; null: no card
    this.read = null; // the context as the engine read it from the card
    this.reading = false; // a card is being read: checks wait for it
    this.edits = new Map(); // the agent's corrections, by field
    this.opening = null;
    this.text = this.field.text();
    this.spans = []; // live spans: {finding, start, end, severity}, offsets into this.text
    this.dirty = true;
    this.inFlight = false;
    this.inFlightText = null; // the text the check in flight was sent
    this.checkedThisFrame = false;
    this.repaint = false; // carried spans wait for the next frame
    this.retryAt = 0;
    this.anchorKey = '';
    this.generation = 0; // bumps when the context changes under a check in flight
    this.report = null; // the last report shown
    this.guard = new SendGuard({
      element,
      site: () => coach.site,
      enabled: () => Boolean(coach.settings.sendGuard),
      errors: () => (this.report?.findings ?? []).filter((f) => f.severity === 'error'),
      ask: (errors, anchor) => this.overlay.showGuard(errors, anchor, () => {
        this.overlay.hideGuard();
        this.field.element.focus();
      }),
      dismiss: () => this.overlay.hideGuard(),
    });
    this.tooLong = false; // the reply is over the engine's live limit: not checked

    this.field.watch(() => this.#changed());
    // With the engine on another thread, the text a keystroke is about to
    // make goes out at its beforeinput (fields/expected.js); the answer
    // counts only if the reply then holds exactly that text.
    this.field.expect?.((text) => {
      if (!this.inFlight && !this.checkedThisFrame && performance.now() >= this.retryAt) this.#lint(text);
    });
    this.onMove = (e) => this.#hover(e);
    this.onLeave = () => this.overlay.hideCard();
    element.addEventListener('mousemove', this.onMove, { passive: true });
    element.addEventListener('mouseleave', this.onLeave, { passive: true });
    document.documentElement.append(this.overlay.host, this.panel.host);
    this.applySettings();
    this.panel.setCollapsed(coach.collapsed);
    this.panel.setReport(null);
  }

  /** The context the reply is checked against: the card's, with the agent's corrections. */
  context() {
    return { ...(this.read ?? {}), ...Object.fromEntries(this.edits) };
  }

  /** Sets the card's text (null: no card); a different card is a new conversation. */
  setCard(text) {
    if (text === this.cardText) return;
    this.cardText = text;
    this.edits.clear();
    this.generation++;
    this.panel.setNotice(text ? '' : this.coach.noCardHint);
    if (!text) {
      this.read = null;
      this.reading = false;
      this.#contextChanged();
      return;
    }
    const generation = this.generation;
    // A new conversation: no check runs against the last card's context
    // (its customer's name, its order) while this card is being read.
    this.read = null;
    this.reading = true;
    this.coach.engine.read(text).then((ctx) => {
      if (generation !== this.generation) return;
      this.reading = false;
      this.read = ctx;
      this.#contextChanged();
    }, (err) => {
      if (generation !== this.generation) return;
      this.reading = false;
      this.cardText = undefined; // the next scan reads it again
      this.coach.onError(err);
    });
  }

  /** The engine changed (a new rule pack): read the card again, keep the agent's corrections. */
  refresh() {
    const edits = [...this.edits];
    const text = this.cardText;
    this.cardText = undefined;
    this.setCard(text);
    this.edits = new Map(edits);
    this.#contextChanged();
  }

  /** Mode or agent name changed. */
  applySettings() {
    this.panel.setMode(this.coach.settings.mode);
    this.#refreshOpening();
    this.dirty = true;
    this.coach.wake();
  }

  setCollapsed(collapsed) {
    this.panel.setCollapsed(collapsed);
    this.anchorKey = '';
  }

  /** Accepts a finding's suggestion: replaces its words, or adds it when it has none. */
  accept(finding) {
    if (!finding.suggestion) return;
    const text = this.field.text();
    if (finding.start === null || finding.end === null) {
      const gap = text && !/\s$/.test(text) ? ' ' : '';
      this.field.replace(text.length, text.length, gap + finding.suggestion);
    } else {
      const live = this.#live(finding);
      if (!live) return; // its words changed since: wait for the next check
      this.field.replace(live.start, live.end, finding.suggestion);
    }
    this.overlay.hideCard(true);
  }

  /** Puts the ready opening in the reply: the whole reply when empty, else before it. */
  insertOpening() {
    const opening = this.opening?.text;
    if (!opening) return;
    const text = this.field.text();
    if (!text.trim()) this.field.replace(0, text.length, opening);
    else this.field.replace(0, 0, `${opening}\n\n`);
  }

  /**
   * Called once per animation frame while the coach is awake; returns
   * whether this session still has work that needs frames (a check to send
   * or to wait for).
   */
  frame(now) {
    this.checkedThisFrame = false;
    this.field.poll();
    const el = this.field.element;
    const shown = el.isConnected && el.getClientRects().length > 0;
    this.panel.setVisible(shown);
    this.overlay.host.hidden = !shown;
    if (!shown) return false;
    this.panel.frame(now);
    if (this.repaint) {
      this.repaint = false;
      this.painter.show(this.spans);
    }
    this.painter.frame();
    // In the coach's viewport: an editor in a frame reports its own.
    const r = shiftRect(el.getBoundingClientRect(), frameOffset(el));
    // The panel moves with the box, and when its own height changes.
    const key = `${r.left},${r.top},${r.width},${r.height},${this.panel.size()}`;
    if (key !== this.anchorKey) {
      this.anchorKey = key;
      this.panel.place(r);
    }
    if (this.dirty && !this.inFlight && now >= this.retryAt) this.#lint();
    return this.dirty || this.inFlight || this.checkedThisFrame;
  }

  destroy() {
    this.guard.destroy();
    this.field.element.removeEventListener('mousemove', this.onMove);
    this.field.element.removeEventListener('mouseleave', this.onLeave);
    this.field.destroy();
    this.painter.destroy();
    this.overlay.destroy();
    this.panel.destroy();
  }

  #changed() {
    const text = this.field.text();
    if (text === this.text) return;
    if (this.spans.length) {
      const carried = carrySpans(this.spans, editRegion(this.text, text));
      // An edit after every span moves none: nothing to draw again (and the
      // painters keep what they measured, see paint/boxes.js).
      if (!sameSpans(carried, this.spans)) {
        this.spans = carried;
        this.repaint = true;
      }
    }
    this.text = text;
    // An empty box is a reply sent (or thrown away): the next one is asked
    // about again. Any other edit just takes the question off the screen.
    if (!text.trim()) this.guard.reset();
    else this.overlay.hideGuard();
    // A check already on its way for exactly this text (sent at the key's
    // beforeinput) answers this edit.
    if (!(this.inFlight && this.inFlightText === text)) this.dirty = true;
    if (!this.inFlight && !this.checkedThisFrame && performance.now() >= this.retryAt) this.#lint();
    if (!this.tooLong) this.panel.setBusy();
    this.coach.wake();
  }

  /** Sends one check: of the reply's text, or of the text a keystroke is about to make. */
  #lint(text = this.field.text()) {
    if (this.reading) return; // stays dirty: the card's read checks it (#contextChanged)
    this.dirty = false;
    if (this.#overLimit(text)) return;
    this.inFlight = true;
    this.inFlightText = text;
    this.checkedThisFrame = true;
    const generation = this.generation;
    const { mode, agent } = this.coach.settings;
    this.coach.engine.check(this.context(), text, { phase: this.phase, mode, agent: agent || null }).then((report) => {
      this.inFlight = false;
      if (text !== this.field.text() || generation !== this.generation) {
        // Outdated on arrival: ask again now if this frame has not asked yet.
        this.dirty = true;
        if (!this.checkedThisFrame) this.#lint();
        return;
      }
      this.text = text;
      this.spans = report.findings
        .filter((f) => f.start !== null && f.end !== null && f.end > f.start)
        .map((f) => ({ finding: f, start: f.start, end: f.end, severity: f.severity }));
      this.repaint = false;
      this.painter.show(this.spans);
      this.report = report;
      this.panel.setReport(report);
      if (mode === 'trainer') this.#explain(report);
      this.coach.wake(); // the panel's size may have changed: place it again
    }, (err) => {
      this.inFlight = false;
      this.dirty = true;
      this.retryAt = performance.now() + 1000;
      this.coach.onError(err);
    });
  }

  /** Trainer mode: the guide's why, bad and good beside each finding (asked once per rule). */
  #explain(report) {
    const missing = [...new Set(report.findings.map((f) => f.rule))].filter((id) => !this.panel.explanations.has(id));
    if (!missing.length) return;
    this.coach.explain(missing).then((explanations) => {
      this.panel.setExplanations(explanations);
      this.coach.wake();
    });
  }

  /**
   * Whether `text` is longer than the engine checks live (its `limits`): then
   * nothing is sent, nothing is underlined, and the panel says so. A pasted
   * megabyte must cost a keystroke no more than a comparison.
   */
  #overLimit(text) {
    const limit = this.coach.limits?.reply ?? Infinity;
    const over = text.length > limit;
    if (over) {
      this.spans = [];
      this.painter.show([]);
      this.panel.setReport(null);
      this.panel.setState('too-long', `Reply too long to coach live \u2014 ${text.length.toLocaleString('en')} characters; the limit is ${limit.toLocaleString('en')}.`);
    } else if (this.tooLong) {
      this.panel.setState(null);
    }
    this.tooLong = over;
    return over;
  }

  #contextChanged() {
    this.panel.setContext(this.context(), new Set(this.edits.keys()));
    this.#refreshOpening();
    this.dirty = true;
    this.coach.wake();
  }

  #refreshOpening() {
    const generation = this.generation;
    this.coach.engine.opening(this.context(), this.coach.settings.agent || null).then((opening) => {
      if (generation !== this.generation) return;
      this.opening = opening;
      this.panel.setOpening(opening);
      this.coach.wake();
    }, (err) => this.coach.onError(err));
  }

  #editField(name, value) {
    this.edits.set(name, value);
    this.generation++;
    this.#contextChanged();
  }

  #resetFields() {
    this.edits.clear();
    this.generation++;
    this.#contextChanged();
  }

  #focusFinding(finding) {
    const live = this.#live(finding);
    if (live) this.field.select(live.start, live.end);
  }

  /**
   * The live span of `finding` (as the panel or the hover card holds it: an
   * equal finding from an earlier, identical report counts), or undefined
   * when an edit touched its words.
   */
  #live(finding) {
    return this.spans.find(({ finding: f }) => f === finding
      || (f.rule === finding.rule && f.start === finding.start && f.end === finding.end));
  }

  #hover(e) {
    for (const span of this.spans) {
      const rects = this.painter.rectsOf(span);
      if (rects.some((r) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top - 2 && e.clientY <= r.bottom + 2)) {
        // Hit-tested in the field's viewport (the mouse's), shown in the coach's.
        const off = frameOffset(this.field.element);
        this.overlay.showCard(span.finding, rects.map((q) => shiftRect(q, off)), () => this.accept(span.finding));
        return;
      }
    }
    this.overlay.hideCard();
  }
}
