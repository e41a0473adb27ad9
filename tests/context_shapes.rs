//! The card reader on cards the corpus does not have: other platforms'
//! shapes (Zendesk, Intercom, Freshdesk, Salesforce, Ada dumps, YAML,
//! markdown), non-Latin names, awkward HTML, prose variants, and traps
//! (prices, dates, phone, VAT and serial numbers that are not order numbers;
//! placeholders that are not names). Each card was written for this file.

use std::sync::OnceLock;

use handoff_coach::context::{Context, Reader};

/// One reader for every card, as an engine has.
fn reader() -> &'static Reader {
    static READER: OnceLock<Reader> = OnceLock::new();
    READER.get_or_init(Reader::new)
}

fn read(card: &str) -> Context {
    reader().read(card)
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn zendesk_ticket_fields() {
    let c = read(
        "Requester: Hannah Schmidt (hannah.schmidt@example.de)\nSubject: Charged twice for order #55231\nTags: billing, vip\nTicket #88412\nPriority: Urgent\nDescription: Customer was charged twice for order #55231. Wants one charge refunded.",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Hannah Schmidt"));
    assert_eq!(c.first_name.as_deref(), Some("Hannah"));
    assert_eq!(c.emails, strings(&["hannah.schmidt@example.de"]));
    assert_eq!(c.order_numbers, strings(&["55231"]));
    assert!(c.vip, "a vip tag");
    assert_eq!(c.priority.as_deref(), Some("urgent"));
    assert_eq!(c.issue.as_deref(), Some("Charged twice for order #55231"));
    assert_eq!(c.requested_outcome.as_deref(), Some("one charge refunded"));
    assert_eq!(c.details.get("Ticket").map(String::as_str), Some("#88412"));
    assert!(c
        .summary
        .as_deref()
        .is_some_and(|s| s.starts_with("Customer was charged")));
}

#[test]
fn intercom_one_line_with_bars() {
    let c = read(
        "Customer: Sarah Chen | Order: 12345 | Sentiment: 😠 Angry | Issue: refund not received",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Sarah Chen"));
    assert_eq!(c.order_numbers, strings(&["12345"]));
    assert_eq!(c.sentiment.as_deref(), Some("angry"));
    assert_eq!(c.issue.as_deref(), Some("refund not received"));
}

#[test]
fn freshdesk_fields_become_details() {
    let c = read(
        "Contact: Omar Haddad\nCompany: Haddad Trading LLC\nStatus: Open\nSource: Chat\nType: Refund\nAgent: Unassigned\nPhone: +971 4 555 0123",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Omar Haddad"));
    assert_eq!(
        c.details.get("Company").map(String::as_str),
        Some("Haddad Trading LLC")
    );
    assert_eq!(
        c.details.get("Agent").map(String::as_str),
        Some("Unassigned")
    );
    assert_eq!(
        c.details.get("Phone").map(String::as_str),
        Some("+971 4 555 0123")
    );
    assert!(c.order_numbers.is_empty());
    assert_eq!(c.priority, None);
}

#[test]
fn salesforce_case_numbers_are_not_orders() {
    let c = read(
        "Case Number: 00012345\nContact Name: Li Wei\nAccount Name: Wei Imports\nSubject: Reservation not found\nDescription: Li Wei says her reservation RES-88213 for 14 March is missing from the app.",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Li Wei"));
    assert_eq!(c.order_numbers, strings(&["RES-88213"]));
    assert_eq!(
        c.details.get("Case Number").map(String::as_str),
        Some("00012345")
    );
    assert_eq!(
        c.details.get("Account Name").map(String::as_str),
        Some("Wei Imports")
    );
    assert_eq!(
        c.account, None,
        "an account's name is a company, not a plan"
    );
    assert_eq!(c.issue.as_deref(), Some("Reservation not found"));
}

#[test]
fn ada_style_json_dump() {
    let c = read(
        r#"{"chatter": {"name": "Ngozi Adeyemi", "email": "ngozi@example.ng"},
            "handoff_reason": "refund_request",
            "transcript_summary": "Customer's booking BK-7731 was cancelled by the hotel. Wants a full refund.",
            "metaFields": {"booking_id": "BK-7731", "phone": "+234 803 555 0199"},
            "agent": {"name": "Bot Ada"}}"#,
    );
    assert_eq!(c.customer_name.as_deref(), Some("Ngozi Adeyemi"));
    assert_eq!(c.emails, strings(&["ngozi@example.ng"]));
    assert_eq!(c.escalation_reason.as_deref(), Some("refund request"));
    assert_eq!(c.order_numbers, strings(&["BK-7731"]));
    assert_eq!(c.requested_outcome.as_deref(), Some("full refund"));
    assert_eq!(
        c.details.get("phone").map(String::as_str),
        Some("+234 803 555 0199")
    );
    assert_eq!(
        c.details.get("agent.name").map(String::as_str),
        Some("Bot Ada"),
        "the agent is not the customer"
    );
}

#[test]
fn python_repr_with_cyrillic_split_name() {
    let c = read("{'customer': {'first_name': 'Олег', 'last_name': 'Петров'}, 'after_hours': True, 'order_id': 'UA-2231', 'vip': False}");
    assert_eq!(c.customer_name.as_deref(), Some("Олег Петров"));
    assert_eq!(c.first_name.as_deref(), Some("Олег"));
    assert!(c.after_hours);
    assert!(!c.vip);
    assert_eq!(c.order_numbers, strings(&["UA-2231"]));
}

#[test]
fn yaml_with_nested_blocks() {
    let c = read(
        "customer:\n  name: Ana Lima\n  email: ana.lima@example.br\norder:\n  id: 884-1102\n  total: R$ 250,00\nsentiment: frustrated\nsummary: >\n  Package arrived empty.\n  Wants a replacement.\n",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Ana Lima"));
    assert_eq!(c.emails, strings(&["ana.lima@example.br"]));
    assert_eq!(c.order_numbers, strings(&["884-1102"]));
    assert_eq!(
        c.details.get("order.total").map(String::as_str),
        Some("R$ 250,00")
    );
    assert_eq!(
        c.summary.as_deref(),
        Some("Package arrived empty. Wants a replacement.")
    );
    assert_eq!(c.requested_outcome.as_deref(), Some("replacement"));
    assert_eq!(c.sentiment.as_deref(), Some("frustrated"));
}

#[test]
fn html_table_with_a_header_row() {
    let c = read(
        "<table><thead><tr><th>Customer</th><th>Order</th><th>Sentiment</th></tr></thead>\n<tbody><tr><td>Kofi Mensah</td><td>#GH-4410</td><td>Annoyed</td></tr></tbody></table>",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Kofi Mensah"));
    assert_eq!(c.order_numbers, strings(&["GH-4410"]));
    assert_eq!(c.sentiment.as_deref(), Some("annoyed"));
}

#[test]
fn html_spans_divs_and_entities() {
    let c = read(
        r#"<div class="card"><!-- widget v2 -->
  <div class="row"><span class="label">Customer</span><span class="value">Fran&ccedil;ois D&eacute;sir&eacute;</span></div>
  <div class="row"><span class="label">Order</span> <span class="value">&#35;FR&#x2D;7781</span></div>
  <div class="row"><label>AI summary</label><p>Le colis est arriv&eacute; ab&icirc;m&eacute;. Customer wants a refund &amp; an apology.</p></div>
  <script>var order = "999999";</script>
</div>"#,
    );
    assert_eq!(c.customer_name.as_deref(), Some("François Désiré"));
    assert_eq!(c.order_numbers, strings(&["FR-7781"]));
    assert_eq!(
        c.summary.as_deref(),
        Some("Le colis est arrivé abîmé. Customer wants a refund & an apology.")
    );
    let all = serde_json::to_string(&c).unwrap();
    assert!(
        !all.contains('<') && !all.contains("&amp;") && !all.contains("999999"),
        "{all}"
    );
}

#[test]
fn html_list_with_bold_labels() {
    let c = read(
        "<ul>\n  <li><b>Name:</b> Jean-Luc Picard</li>\n  <li><b>Reservation:</b> #NCC-1701</li>\n  <li><strong>Customer wants</strong> &ndash; a room upgrade</li>\n</ul>",
    );
    assert_eq!(c.first_name.as_deref(), Some("Jean-Luc"));
    assert_eq!(c.order_numbers, strings(&["NCC-1701"]));
    assert_eq!(c.requested_outcome.as_deref(), Some("a room upgrade"));
}

#[test]
fn markdown_emphasis_and_bullets() {
    let c = read(
        "## Escalation\n**Customer:** Rahul Verma\n**Order #:** 4471-XZ\n**Issue:** App crashes on checkout\n- **AI tried:** cleared cache; reinstalled app\n- **Bot attempts:** 2",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Rahul Verma"));
    assert_eq!(c.order_numbers, strings(&["4471-XZ"]));
    assert_eq!(c.issue.as_deref(), Some("App crashes on checkout"));
    assert_eq!(c.ai_tried, strings(&["cleared cache", "reinstalled app"]));
    assert_eq!(c.ai_attempts, Some(2));
}

#[test]
fn prose_with_an_appositive_name_and_traps() {
    let c = read(
        "The customer, Priscilla Osei, was charged $49.99 on 03/04/2026 for booking 77120-B but the hotel says there is no reservation. She is furious and wants her money back.",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Priscilla Osei"));
    assert_eq!(c.first_name.as_deref(), Some("Priscilla"));
    assert_eq!(c.order_numbers, strings(&["77120-B"]));
    assert_eq!(c.sentiment.as_deref(), Some("furious"));
    assert_eq!(c.requested_outcome.as_deref(), Some("her money back"));
    assert!(
        c.issue
            .as_deref()
            .is_some_and(|i| i.starts_with("charged $49.99")),
        "{:?}",
        c.issue
    );
    assert!(c.summary.is_some(), "a prose card is its own summary");
}

#[test]
fn numbers_that_are_not_order_numbers() {
    let c = read(
        "Customer: N/A\nPhone: +1 (555) 010-0199\nVAT number: DE 123 456 789\nSerial number: SN-99812-X\nTicket ID: 55120\nAmount: $1,249.00\nDate: 2026-03-02\nSize: US 10\nAddress: 221B Baker Street\nSummary: Guest paid $1,249.00 on 2026-03-02 for a size 10 jacket (order placed 2 days ago); the payment failed twice.",
    );
    assert_eq!(c.customer_name, None);
    assert_eq!(c.first_name, None);
    assert!(c.order_numbers.is_empty(), "{:?}", c.order_numbers);
    for label in [
        "Phone",
        "VAT number",
        "Serial number",
        "Ticket ID",
        "Amount",
        "Date",
        "Address",
    ] {
        assert!(c.details.contains_key(label), "{label} in {:?}", c.details);
    }
}

#[test]
fn two_column_box() {
    let c = read(
        "╔══════════════════════════╦═══════════════════╗\n║ Customer: Inês Duarte    ║ Order: 5512-AB    ║\n║ Mood: Calm               ║ Priority: Low     ║\n╚══════════════════════════╩═══════════════════╝",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Inês Duarte"));
    assert_eq!(c.order_numbers, strings(&["5512-AB"]));
    assert_eq!(c.sentiment.as_deref(), Some("calm"));
    assert_eq!(c.priority.as_deref(), Some("low"));
}

#[test]
fn shouted_dotted_leaders_last_first() {
    let c = read("NAME............. O'NEILL, SEAN\nORDER REF........ ORD-2026-00017\nSTATUS........... Escalated (after-hours)\n");
    assert_eq!(c.customer_name.as_deref(), Some("O'NEILL, SEAN"));
    assert_eq!(c.first_name.as_deref(), Some("Sean"));
    assert_eq!(c.order_numbers, strings(&["ORD-2026-00017"]));
    assert!(c.after_hours);
}

#[test]
fn non_latin_names() {
    assert_eq!(
        read("Customer: فاطمة الزهراء\nOrder: 7731")
            .first_name
            .as_deref(),
        Some("فاطمة")
    );
    let c = read("Customer name: 王小明\nIssue: 退款未到账");
    assert_eq!(c.customer_name.as_deref(), Some("王小明"));
    assert_eq!(c.issue.as_deref(), Some("退款未到账"));
    assert_eq!(
        read("Customer — Ngũgĩ wa Thiong’o").first_name.as_deref(),
        Some("Ngũgĩ")
    );
}

#[test]
fn prose_booking_with_a_human_verb() {
    let c = read(
        "Yuki booked a double room (reservation #HT-55102) for 12–14 April and was charged twice. He'd like one charge refunded.",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Yuki"));
    assert_eq!(c.order_numbers, strings(&["HT-55102"]));
    assert_eq!(c.requested_outcome.as_deref(), Some("one charge refunded"));
}

#[test]
fn placeholders_are_no_name() {
    for card in [
        "Name: Guest",
        "Customer: Visitor 48213",
        "Customer: —",
        "Client: (not provided)",
        "Customer: Unknown customer",
        "Requester: anonymous",
    ] {
        let c = read(card);
        assert_eq!(c.customer_name, None, "{card}");
        assert_eq!(c.first_name, None, "{card}");
        assert!(
            c.details.is_empty(),
            "a placeholder is not a detail: {card}"
        );
    }
    assert_eq!(
        read("Guest user (not signed in) was charged twice.").customer_name,
        None
    );
}

#[test]
fn vip_by_importance_not_by_plan() {
    assert!(read("Priority escalation — key account\nCustomer: Lars Berg\nPlan: Premium").vip);
    assert!(read("⭐ VIP CUSTOMER ⭐\nCustomer: Lars Berg").vip);
    assert!(read("Customer: Lars Berg (VIP)").vip);
    assert!(read("Segment: Platinum\nCustomer: Lars Berg").vip);
    assert!(!read("Customer: Lars Berg\nPlan: Premium\nPriority: High").vip);
    assert!(!read("Summary: Customer asked how to join the VIP programme.").vip);
}

#[test]
fn after_hours_in_other_words() {
    assert!(
        read("Ticket created outside business hours by the assistant.\nCustomer: Eva Novak")
            .after_hours
    );
    assert!(read("Out-of-hours ticket\nCustomer: Eva Novak").after_hours);
    assert!(read("Created at 03:12 — no live agents were online\nCustomer: Eva Novak").after_hours);
    assert!(!read("Support hours: 9-5 weekdays\nCustomer: Eva Novak").after_hours);
}

#[test]
fn arrays_of_orders_and_bot_actions() {
    let c = read(
        r#"{"orders":[{"id":"A1001","total":"$20"},{"id":"A1002"}],"bot":{"actions":["reset_password","sent_faq"],"attempts":2}}"#,
    );
    assert_eq!(c.order_numbers, strings(&["A1001", "A1002"]));
    assert_eq!(c.ai_tried, strings(&["reset password", "sent faq"]));
    assert_eq!(c.ai_attempts, Some(2));
}

#[test]
fn feelings_from_the_summary_only_when_said() {
    assert_eq!(
        read("Summary: Customer expressed frustration that the parcel is late.")
            .sentiment
            .as_deref(),
        Some("frustrated")
    );
    assert_eq!(
        read("Summary: The customer is not upset, only asking.").sentiment,
        None
    );
    assert_eq!(
        read("Sentiment: Negative (0.82)\nSummary: Customer is calm.")
            .sentiment
            .as_deref(),
        Some("negative")
    );
}

#[test]
fn identifiers_after_their_label_without_a_separator() {
    let c = read("Booking reference QX7-221\nCase ID 55812\nCustomer: Aiko Mori");
    assert_eq!(c.order_numbers, strings(&["QX7-221"]));
    assert_eq!(c.details.get("Case ID").map(String::as_str), Some("55812"));
}

#[test]
fn order_values_that_are_not_numbers() {
    let c = read("Customer: Bo Lind\nOrder: pending\nOrder total: $64.90");
    assert!(c.order_numbers.is_empty());
    assert_eq!(c.details.get("Order").map(String::as_str), Some("pending"));
    assert_eq!(
        c.details.get("Order total").map(String::as_str),
        Some("$64.90")
    );
}

#[test]
fn emails_anywhere_once_each() {
    let c = read(
        "Email: a.b@x.io\nSummary: Asked us to write to A.B@X.IO or to backup b-2@y.co.uk instead.",
    );
    assert_eq!(c.emails, strings(&["a.b@x.io", "b-2@y.co.uk"]));
}

#[test]
fn crlf_and_tabs() {
    let c = read("Customer:\tMaría José García\r\nOrder #:\t100-22\r\nReason for transfer:\tBilling dispute\r\n");
    assert_eq!(c.customer_name.as_deref(), Some("María José García"));
    assert_eq!(c.first_name.as_deref(), Some("María"));
    assert_eq!(c.order_numbers, strings(&["100-22"]));
    assert_eq!(c.escalation_reason.as_deref(), Some("Billing dispute"));
}

#[test]
fn split_first_and_last_labels() {
    let c = read("First name: Zoë\nLast name: Ó Briain\nE-mail: zoe@example.ie");
    assert_eq!(c.customer_name.as_deref(), Some("Zoë Ó Briain"));
    assert_eq!(c.first_name.as_deref(), Some("Zoë"));
    assert_eq!(c.emails, strings(&["zoe@example.ie"]));
}

#[test]
fn shop_in_parentheses_and_titles() {
    let c = read("Buyer: Ivana Horvat (Horvat Design d.o.o.)\nOrder: HR-0091");
    assert_eq!(c.customer_name.as_deref(), Some("Ivana Horvat"));
    let c = read("Customer: Prof. Dr. Klaus Weber");
    assert_eq!(c.first_name.as_deref(), Some("Klaus"));
}

#[test]
fn wrapped_values_and_blocks_in_a_plain_card() {
    let c = read(
        "Customer: Tariq Aziz\nAI summary:\n  Customer's parcel shows delivered\n  but never arrived.\n  Wants a redelivery.\n\n[Open transcript](https://desk.example.com/t/1)\nAI tried:\n- tracking lookup\n- carrier claim\n",
    );
    assert_eq!(
        c.summary.as_deref(),
        Some("Customer's parcel shows delivered but never arrived. Wants a redelivery.")
    );
    assert_eq!(c.ai_tried, strings(&["tracking lookup", "carrier claim"]));
    assert_eq!(c.requested_outcome.as_deref(), Some("redelivery"));
    assert!(!serde_json::to_string(&c).unwrap().contains("transcript"));
}

#[test]
fn unknown_stays_empty() {
    let c = read("Escalated from chat.");
    assert_eq!(
        c,
        Context {
            summary: Some("Escalated from chat.".into()),
            ..Context::default()
        }
    );
    assert_eq!(read(""), Context::default());
    assert_eq!(read("   \n\n│ │\n"), Context::default());
}

#[test]
fn learning_from_customer_messages() {
    let reader = reader();
    let mut ctx = reader.read("Customer: Sarah Chen\nOrder #: 12345");
    reader.learn(&mut ctx, "my name is Dana and the other order is #A-17");
    assert_eq!(
        ctx.customer_name.as_deref(),
        Some("Sarah Chen"),
        "the card's name stays"
    );
    assert_eq!(ctx.order_numbers, strings(&["12345", "A-17"]));
    reader.learn(&mut ctx, "it's 12345");
    assert_eq!(
        ctx.order_numbers,
        strings(&["12345", "A-17"]),
        "no duplicates"
    );

    let mut ctx = reader.read("Summary: Guest could not log in.");
    reader.learn(&mut ctx, "Hi, my name is Dana Whitfield and I can't log in");
    assert_eq!(ctx.customer_name.as_deref(), Some("Dana Whitfield"));
    assert_eq!(ctx.first_name.as_deref(), Some("Dana"));
    reader.learn(&mut ctx, "It's 100235, and my email is dana@example.com");
    assert_eq!(ctx.order_numbers, strings(&["100235"]));
    assert_eq!(ctx.emails, strings(&["dana@example.com"]));
    reader.learn(
        &mut ctx,
        "I waited 45 minutes and paid $19.99 on 2026-03-02, call me on 555 0100",
    );
    assert_eq!(
        ctx.order_numbers,
        strings(&["100235"]),
        "amounts, dates and phones are not orders"
    );
}

#[test]
fn labels_and_values_on_lines_of_their_own() {
    // As a CRM's record page copies out: each label, then its value below.
    let c = read(
        "Contact Name\nSarah Chen\nSubject\nCharged twice\nPriority\nHigh\nDescription\nCustomer was charged twice for her March invoice INV-3391. She is upset and would like a refund today.",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Sarah Chen"));
    assert_eq!(c.issue.as_deref(), Some("Charged twice"));
    assert_eq!(c.priority.as_deref(), Some("high"));
    assert_eq!(c.order_numbers, strings(&["INV-3391"]));
    assert_eq!(c.sentiment.as_deref(), Some("upset"));
    assert_eq!(c.requested_outcome.as_deref(), Some("refund today"));
}

#[test]
fn a_transcript_is_what_was_said_not_the_card() {
    let c = read(
        "**********************************\n* Customer: Paolo Rossi          *\n* Order #: IT-5521               *\n**********************************\nTranscript:\nCustomer: Hi, my order IT-5521 never arrived and I'm furious\nBot: I'm sorry to hear that.\nCustomer: my email is paolo@rossi.it\n\nEscalation reason: Missing parcel",
    );
    assert_eq!(
        c.customer_name.as_deref(),
        Some("Paolo Rossi"),
        "a chat line is not the name"
    );
    assert_eq!(c.order_numbers, strings(&["IT-5521"]));
    assert_eq!(c.emails, strings(&["paolo@rossi.it"]));
    assert_eq!(
        c.sentiment.as_deref(),
        Some("furious"),
        "the customer's own words"
    );
    assert_eq!(
        c.escalation_reason.as_deref(),
        Some("Missing parcel"),
        "the transcript ends at the blank line"
    );
    assert!(!c.details.contains_key("Bot"));
}

#[test]
fn a_chat_line_under_a_customer_label_is_not_a_name() {
    let c = read("Customer: Hi, my order hasn't arrived\nBot: Sorry to hear that");
    assert_eq!(c.customer_name, None);
    assert_eq!(c.first_name, None);
}

#[test]
fn markdown_table_with_its_own_header() {
    let c = read(
        "| Field | Value |\n|---|---|\n| Customer | Ama Owusu |\n| Order | #GH-77 |\n| Sentiment | Negative (0.71) |\n| Summary | Package marked delivered but not received. Ama wants a reshipment. |",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Ama Owusu"));
    assert_eq!(c.order_numbers, strings(&["GH-77"]));
    assert_eq!(c.sentiment.as_deref(), Some("negative"));
    assert_eq!(
        c.issue.as_deref(),
        Some("Package marked delivered but not received")
    );
    assert_eq!(c.requested_outcome.as_deref(), Some("reshipment"));
    assert!(!c.details.contains_key("Field"));
}

#[test]
fn a_note_from_a_colleague() {
    let c = read(
        "Hi team — escalating this one. Customer Jane Doe (jane@doe.com) is asking about order 5512, which arrived broken. She'd like a replacement sent before Friday. Seems pretty annoyed.",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Jane Doe"));
    assert_eq!(c.order_numbers, strings(&["5512"]));
    assert_eq!(c.emails, strings(&["jane@doe.com"]));
    assert_eq!(c.sentiment.as_deref(), Some("annoyed"));
    assert_eq!(c.requested_outcome.as_deref(), Some("replacement sent"));
}

#[test]
fn zendesk_api_json() {
    let c = read(
        r#"{"ticket":{"id":35436,"subject":"Help, my printer is on fire!","description":"The fire is very colorful.","priority":"high","requester_id":20978392,"tags":["enterprise","other_tag"],"via":{"channel":"chat"}},"requester":{"name":"Ingrid Berg","email":"ingrid@berg.no"}}"#,
    );
    assert_eq!(c.customer_name.as_deref(), Some("Ingrid Berg"));
    assert_eq!(c.issue.as_deref(), Some("Help, my printer is on fire!"));
    assert!(c.vip, "an enterprise tag");
    assert_eq!(c.priority.as_deref(), Some("high"));
    assert!(c.order_numbers.is_empty(), "a ticket id is not an order");
    assert_eq!(
        c.details.get("ticket.id").map(String::as_str),
        Some("35436")
    );
    assert_eq!(
        c.details.get("tags").map(String::as_str),
        Some("enterprise, other_tag")
    );
}

#[test]
fn sentences_that_name_and_numbered_steps() {
    let c = read(
        "Reason for contact: Refund for cancelled booking\nBooking ref: QX-22819 / QX-22820\nCustomer's name is Mrs. Olusegun Bankole-Adeyemi\nWants: full refund of both bookings\nAI actions taken:\n  1. Shared cancellation policy\n  2. Checked refund status\nOut of hours: Yes",
    );
    assert_eq!(
        c.customer_name.as_deref(),
        Some("Mrs. Olusegun Bankole-Adeyemi")
    );
    assert_eq!(c.first_name.as_deref(), Some("Olusegun"));
    assert_eq!(c.order_numbers, strings(&["QX-22819", "QX-22820"]));
    assert_eq!(c.issue.as_deref(), Some("Refund for cancelled booking"));
    assert_eq!(
        c.requested_outcome.as_deref(),
        Some("full refund of both bookings")
    );
    assert_eq!(
        c.ai_tried,
        strings(&["Shared cancellation policy", "Checked refund status"])
    );
    assert!(c.after_hours);
}

#[test]
fn label_qualifiers_before_and_after() {
    let c = read("Summary (AI): Wants a refund.\nSentiment score: -0.6\nCust. name: Bea Ruiz\nLoyalty tier: Platinum\nOrder(s): 881, 882");
    assert_eq!(c.summary.as_deref(), Some("Wants a refund."));
    assert_eq!(c.sentiment.as_deref(), Some("negative"));
    assert_eq!(c.customer_name.as_deref(), Some("Bea Ruiz"));
    assert_eq!(c.account.as_deref(), Some("Platinum"));
    assert!(c.vip);
    assert_eq!(c.order_numbers, strings(&["881", "882"]));
}

#[test]
fn a_heading_then_prose() {
    let c = read("Conversation with Lena Fischer\nLena is on the Pro plan. She says the export button does nothing since the update and wants the CSV today.");
    assert_eq!(c.first_name.as_deref(), Some("Lena"));
    assert_eq!(c.requested_outcome.as_deref(), Some("CSV today"));
    assert!(
        c.issue
            .as_deref()
            .is_some_and(|i| i.contains("export button does nothing")),
        "{:?}",
        c.issue
    );
}

#[test]
fn an_email_thread_subject() {
    let c = read(
        "Customer: Lena Fischer <lena@fischer.de>\nChannel: Email\nSubject: Re: Order #DE-1123 still not shipped\n\n> On Mon, Lena wrote:\n> Where is my order?? This is ridiculous.",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Lena Fischer"));
    assert_eq!(c.emails, strings(&["lena@fischer.de"]));
    assert_eq!(c.order_numbers, strings(&["DE-1123"]));
    assert_eq!(c.issue.as_deref(), Some("Order #DE-1123 still not shipped"));
}

#[test]
fn html_divs_with_label_and_value_classes() {
    let c = read(
        r#"<div class="handoff-card">
  <div class="field"><div class="label">Customer</div><div class="value">Noor Al-Hassan</div></div>
  <div class="field"><div class="label">Reservation</div><div class="value">HX-204-77</div></div>
  <div class="field"><div class="label">Sentiment</div><div class="value">😠 Angry</div></div>
  <div class="field"><div class="label">Bot summary</div><div class="value">Guest arrived to find the room double-booked. Wants compensation and a new room tonight.</div></div>
</div>"#,
    );
    assert_eq!(c.customer_name.as_deref(), Some("Noor Al-Hassan"));
    assert_eq!(c.order_numbers, strings(&["HX-204-77"]));
    assert_eq!(c.sentiment.as_deref(), Some("angry"));
    assert_eq!(
        c.issue.as_deref(),
        Some("arrived to find the room double-booked")
    );
    assert_eq!(
        c.requested_outcome.as_deref(),
        Some("compensation and a new room tonight")
    );
}

#[test]
fn aligned_columns_with_a_wrapped_summary() {
    let c = read(
        "ESCALATION SUMMARY\n==================\nName:        Kwame Asante\nPlan:        Premium (annual)\nPriority:    High\nTried:       password reset link (x2); account unlock\nSummary:     Can't log in since Tuesday. 2FA codes never arrive by SMS.\n             Customer wants access restored before his 9am meeting.\n",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Kwame Asante"));
    assert_eq!(c.account.as_deref(), Some("Premium (annual)"));
    assert!(!c.vip, "a paid plan alone is not VIP");
    assert_eq!(
        c.ai_tried,
        strings(&["password reset link (x2)", "account unlock"])
    );
    assert_eq!(
        c.summary.as_deref(),
        Some("Can't log in since Tuesday. 2FA codes never arrive by SMS. Customer wants access restored before his 9am meeting.")
    );
    assert_eq!(c.issue.as_deref(), Some("Can't log in since Tuesday"));
    assert_eq!(c.requested_outcome.as_deref(), Some("access restored"));
}

#[test]
fn a_visitor_without_an_order() {
    let c = read("👤 Visitor: Ahmed (ahmed.k@example.ae)\n🛒 Cart: 3 items ($129.00)\n🧾 Order: none yet\n💬 Last message: “Can someone just call me?”");
    assert_eq!(c.customer_name.as_deref(), Some("Ahmed"));
    assert_eq!(c.emails, strings(&["ahmed.k@example.ae"]));
    assert!(c.order_numbers.is_empty());
    assert_eq!(c.details.get("Order").map(String::as_str), Some("none yet"));
}

#[test]
fn capitalised_words_in_a_summary_are_not_a_name() {
    let c = read("Summary: Refund Requested, contact billing@shop.example for the invoice.\nPriority: Normal");
    assert_eq!(c.customer_name, None);
    let c = read("Summary: The customer's name is Ana Lima and her parcel is late.");
    assert_eq!(c.customer_name.as_deref(), Some("Ana Lima"));
}

#[test]
fn a_bar_after_a_value_keeps_the_tag_with_it() {
    let c = read("Customer: Sarah Chen | VIP\nOrder #:\t100-22");
    assert_eq!(c.customer_name.as_deref(), Some("Sarah Chen"));
    assert!(c.vip);
    assert_eq!(c.order_numbers, strings(&["100-22"]));
}

#[test]
fn a_box_value_that_wraps() {
    let c = read(
        "┌──────────────────────────────────────────────┐\n│ Customer: Priya Natarajan                    │\n│ AI Attempts: 3 (cancellation FAQ, account    │\n│ settings link, retention offer)              │\n│ Sentiment: Annoyed                           │\n│                                              │\n│ AI Summary:                                  │\n│ Customer tried to cancel twice but the       │\n│ button errors out. Wants the subscription    │\n│ cancelled and March refunded.                │\n└──────────────────────────────────────────────┘",
    );
    assert_eq!(c.ai_attempts, Some(3));
    assert_eq!(
        c.ai_tried,
        strings(&[
            "cancellation FAQ",
            "account settings link",
            "retention offer"
        ])
    );
    assert_eq!(c.sentiment.as_deref(), Some("annoyed"));
    assert_eq!(
        c.issue.as_deref(),
        Some("tried to cancel twice but the button errors out")
    );
    assert_eq!(
        c.requested_outcome.as_deref(),
        Some("subscription cancelled and March refunded")
    );
}

#[test]
fn emoji_only_mood_and_an_email_in_the_outcome() {
    let c = read("• Customer — Wanjiru Kamau\n• Reference — RES-2207\n• Issue — Room not cleaned for 3 days\n• Mood — 😠");
    assert_eq!(c.sentiment.as_deref(), Some("angry"));
    assert_eq!(c.order_numbers, strings(&["RES-2207"]));
    let c = read(
        "Mohammed bought two tickets (booking #EVT-90011) for the 14 June show but only received one e-ticket. He is now quite angry. He wants the second ticket emailed to m.alfarsi@example.com.",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Mohammed"));
    assert_eq!(c.order_numbers, strings(&["EVT-90011"]));
    assert_eq!(c.sentiment.as_deref(), Some("angry"));
    assert_eq!(
        c.requested_outcome.as_deref(),
        Some("second ticket emailed to m.alfarsi@example.com")
    );
}

#[test]
fn buttons_are_not_the_case() {
    let c = read("Customer: Eva Novak\nSummary: Charged twice.\n\nView full transcript →\n[Open ticket](https://desk.example.com/t/9)");
    assert_eq!(c.summary.as_deref(), Some("Charged twice."));
    let all = serde_json::to_string(&c).unwrap();
    assert!(
        !all.contains("transcript") && !all.contains("ticket") && !all.contains("http"),
        "{all}"
    );
    // Words of looking inside a sentence stay.
    assert_eq!(
        read("Customer wants to view her full order history.")
            .requested_outcome
            .as_deref(),
        Some("view her full order history")
    );
}

#[test]
fn an_unlabelled_reference_cell_is_its_own_pair() {
    let c = read("Conversation transferred to agent\nContact: Liam O'Connor | Plan: Starter | Order 4471-2209-11");
    assert_eq!(c.customer_name.as_deref(), Some("Liam O'Connor"));
    assert_eq!(c.account.as_deref(), Some("Starter"));
    assert_eq!(c.order_numbers, strings(&["4471-2209-11"]));
}

#[test]
fn the_customers_quoted_words_are_the_issue() {
    let c = read("Name: Yuki Tanaka\nReason: Bot could not process refund\nCustomer said: \"I was billed for a plan I cancelled in January\"");
    assert_eq!(
        c.escalation_reason.as_deref(),
        Some("Bot could not process refund")
    );
    assert_eq!(
        c.issue.as_deref(),
        Some("I was billed for a plan I cancelled in January")
    );
    // A labelled issue outranks the customer's words.
    let c = read("Issue: double billing\nCustomer says: “I was billed twice!”");
    assert_eq!(c.issue.as_deref(), Some("double billing"));
}

#[test]
fn icons_stand_for_labels_in_a_sidebar_card() {
    let c = read("Escalated by Bot • 14:02\n👤 Amara Okafor  ·  ⭐ VIP\n📦 Orders: #A-1001, #A-1002\n💬 \"Both orders were charged but only one arrived. This is the third time I'm asking!!\"\n🔁 Bot attempts: 3");
    assert_eq!(c.customer_name.as_deref(), Some("Amara Okafor"));
    assert!(c.vip, "the VIP after the dot is read too");
    assert_eq!(c.order_numbers, strings(&["A-1001", "A-1002"]));
    assert_eq!(c.ai_attempts, Some(3));
    assert!(
        c.issue
            .as_deref()
            .is_some_and(|i| i.starts_with("Both orders were charged")),
        "{:?}",
        c.issue
    );
    // An icon the reader does not know is decoration, as before.
    let c = read("🎧 Support handoff\n👤 Li Wei\n📧 li.wei@example.cn");
    assert_eq!(c.customer_name.as_deref(), Some("Li Wei"));
    assert_eq!(c.emails, strings(&["li.wei@example.cn"]));
}

#[test]
fn a_one_line_json_card_with_a_bot_intent() {
    let c = read(
        r#"{"customer":{"name":"Olivia Brown","email":"olivia@brown.io","tier":"Gold"},"order_id":"W-100233","intent":"refund_request","sentiment_score":-0.8}"#,
    );
    assert_eq!(c.customer_name.as_deref(), Some("Olivia Brown"));
    assert_eq!(c.account.as_deref(), Some("Gold"));
    assert_eq!(c.order_numbers, strings(&["W-100233"]));
    assert_eq!(c.issue.as_deref(), Some("refund request"));
}

#[test]
fn a_handover_note_names_the_customer_after_a_greeting() {
    let c = read("Hi team — handing this one over. Marco Rossi (marco.rossi@example.it) says his Pro subscription renewed even though he cancelled it on 3 Feb, and he was charged €119. He'd like the charge reversed.");
    assert_eq!(c.customer_name.as_deref(), Some("Marco Rossi"));
    assert_eq!(c.emails, strings(&["marco.rossi@example.it"]));
    let issue = c.issue.unwrap_or_default();
    assert!(issue.starts_with("his Pro subscription renewed"), "{issue}");
    assert_eq!(c.requested_outcome.as_deref(), Some("charge reversed"));
    // A dot inside an email does not end the sentence the name opens.
    let c = read("Marco Rossi (marco.rossi@example.it) says his subscription renewed.");
    assert_eq!(c.customer_name.as_deref(), Some("Marco Rossi"));
}

#[test]
fn a_side_panel_stacks_each_label_over_its_value() {
    // As Zendesk's and Gorgias' panels copy: no colon, no blank line.
    let c = read(
        "Requester\nNoor Haddad\nnoor.h@example.jo\nOrganization\nPetra Tiles\nTags\nwholesale  vip  handoff\nPriority\n-\nOrder number\n30-7781\nStatus\nOpen\nBot summary\nNoor's tile delivery arrived with 12 cracked boxes. She wants replacements before Monday.",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Noor Haddad"));
    assert_eq!(c.emails, strings(&["noor.h@example.jo"]));
    assert_eq!(c.order_numbers, strings(&["30-7781"]));
    assert!(c.vip, "a vip tag under a stacked label");
    assert_eq!(c.priority, None, "an unset priority is no priority");
    // A stacked label's value is one line: the next label is not part of it.
    let c = read("Customer\nTomas Berg\nPriority\nHigh\nOrders\n- 5510\n- 5511");
    assert_eq!(c.customer_name.as_deref(), Some("Tomas Berg"));
    assert_eq!(c.priority.as_deref(), Some("high"));
    assert_eq!(c.order_numbers, strings(&["5510", "5511"]));
}

#[test]
fn a_contact_header_names_the_customer() {
    let c = read("Ines Duarte\nines.duarte@example.pt · Porto · 09:12 local time\nOrder ID: PT-1190\nSentiment: Negative");
    assert_eq!(c.customer_name.as_deref(), Some("Ines Duarte"));
    assert_eq!(c.order_numbers, strings(&["PT-1190"]));
    // Without an address next to it, a first line is not a name.
    let c = read("Escalated Chat\nOrder ID: PT-1190");
    assert_eq!(c.customer_name, None);
}

#[test]
fn log_lines_csv_and_two_column_tabs() {
    let c = read(
        r#"level=warn event=escalation customer="Aiko Tanaka" order_id=JP-5521 ai_attempts=3 sentiment=annoyed priority=high vip=false"#,
    );
    assert_eq!(c.customer_name.as_deref(), Some("Aiko Tanaka"));
    assert_eq!(c.order_numbers, strings(&["JP-5521"]));
    assert_eq!(c.ai_attempts, Some(3));
    assert_eq!(c.sentiment.as_deref(), Some("annoyed"));
    assert_eq!(c.priority.as_deref(), Some("high"));
    assert!(!c.vip, "vip=false says no");

    let c = read("name,email,order_number,sentiment,reason\n\"Okoye, Ada\",ada@example.ng,NG-3301,upset,\"Refund, not credit\"");
    assert_eq!(c.customer_name.as_deref(), Some("Okoye, Ada"));
    assert_eq!(c.first_name.as_deref(), Some("Ada"));
    assert_eq!(c.order_numbers, strings(&["NG-3301"]));
    assert_eq!(c.sentiment.as_deref(), Some("upset"));
    assert_eq!(c.escalation_reason.as_deref(), Some("Refund, not credit"));

    let c = read("Customer\tPia Lund\nMembership tier\tVIP\nBooking\t#SK-0091\nMood\tWorried");
    assert_eq!(c.customer_name.as_deref(), Some("Pia Lund"));
    assert!(c.vip);
    assert_eq!(c.order_numbers, strings(&["SK-0091"]));
    assert_eq!(c.sentiment.as_deref(), Some("worried"));
}

#[test]
fn chat_tool_markup_and_time_stamped_lines() {
    let c = read("*Customer:* Rafael Souza\n*Order:* `#BR-20417`\n*Issue:* Box arrived empty\n<https://desk.example.com/t/9|View ticket>");
    assert_eq!(c.customer_name.as_deref(), Some("Rafael Souza"));
    assert_eq!(c.order_numbers, strings(&["BR-20417"]));
    assert_eq!(c.issue.as_deref(), Some("Box arrived empty"));

    let c = read("[2026-04-02 08:15:44] Customer: Zara Malik <zara@example.pk>\n[2026-04-02 08:15:44] Priority: low");
    assert_eq!(c.customer_name.as_deref(), Some("Zara Malik"));
    assert_eq!(c.priority.as_deref(), Some("low"));
}

#[test]
fn lists_in_brackets_custom_fields_and_semicolons() {
    let c =
        read("customer:\n  name: Oleg Petrov\nrefs:\n  orders: [RU-11, RU-12]\n  invoice: INV-77");
    assert_eq!(c.order_numbers, strings(&["RU-11", "RU-12", "INV-77"]));

    let c = read(
        r#"{"ticket": {"requester": {"name": "Eva Novak"}, "fields": [{"title": "Order number", "value": "CZ-4410"}, {"title": "Customer sentiment", "value": "angry"}, {"title": "Tracking number", "value": "00340434161094012345"}]}}"#,
    );
    assert_eq!(c.order_numbers, strings(&["CZ-4410"]));
    assert_eq!(c.sentiment.as_deref(), Some("angry"));

    let c = read("Handoff; Customer: Lea Roux; Reason: Renewed after cancelling; Member no.: 5521");
    assert_eq!(
        c.escalation_reason.as_deref(),
        Some("Renewed after cancelling")
    );
    assert_eq!(
        c.details.get("Member no.").map(String::as_str),
        Some("5521")
    );
}

#[test]
fn a_label_that_names_a_thing_is_not_the_customer() {
    let c = read("Ticket name: Refund request\nPrimary contact: Lars Eriksen (lars@example.se)\nPriority: Low");
    assert_eq!(c.customer_name.as_deref(), Some("Lars Eriksen"));
    // A banner's "priority escalation" yields to the card's own priority.
    let c = read("PRIORITY ESCALATION — key account\nCustomer: Maya Cohen\nPriority: Urgent");
    assert_eq!(c.priority.as_deref(), Some("urgent"));
    assert!(c.vip);
}

#[test]
fn after_hours_in_other_words_and_not_in_hours_of_use() {
    for card in [
        "Offline handoff: nobody was on shift, the assistant opened a ticket.\nCustomer: Ben Ode",
        "Ticket created by the bot at 23:10 (support desk closed, opens 08:00)\nCustomer: Ben Ode",
        "Queued overnight by the assistant; no live agents.\nCustomer: Ben Ode",
        "Out of hours\nTicket created by ChatBot, we'll reply by email\nCustomer: Ben Ode",
    ] {
        assert!(read(card).after_hours, "{card}");
    }
    let c =
        read("Live transfer (within support hours)\nIssue: Charger overheats after hours of use");
    assert!(!c.after_hours);
}

#[test]
fn prose_names_people_not_things() {
    let c = read("Summary from Ava (AI assistant): Grace Liu can't sign in since the update. She sounds annoyed.");
    assert_eq!(c.customer_name.as_deref(), Some("Grace Liu"));
    assert_eq!(c.sentiment.as_deref(), Some("annoyed"));
    for card in [
        "Tracking hasn't moved for a week. Customer wants to know where his parcel is.",
        "Delivery was missed twice and she is upset.",
        "Refund hasn't arrived; he is annoyed.",
    ] {
        assert_eq!(read(card).customer_name, None, "{card}");
    }
    let c = read("A guest says they were charged twice. They seem frustrated.");
    assert_eq!(c.sentiment.as_deref(), Some("frustrated"));
}

#[test]
fn a_forwarded_email_names_its_sender_not_the_bot() {
    let c = read("---------- Forwarded message ---------\nFrom: Returns Bot <bot@shop.example>\nSubject: Fwd: Re: Order #RT-4410 arrived broken\nTo: Support Team <help@shop.example>\n\n> From: Ama Boateng <ama.b@example.gh>\n> The mixer from order #RT-4410 arrived broken.");
    assert_eq!(c.customer_name.as_deref(), Some("Ama Boateng"));
    assert_eq!(c.issue.as_deref(), Some("Order #RT-4410 arrived broken"));
    assert_eq!(c.order_numbers, strings(&["RT-4410"]));
    // A job title after a comma is not a first name.
    let c = read("Customer: Petra Lang, CFO\nCompany: Lang Logistics");
    assert_eq!(c.first_name.as_deref(), Some("Petra"));
}

#[test]
fn labels_with_asides_prefixes_and_other_roles() {
    let c = read("Cardholder (from CRM): NIKO ARVANITIS\nu_vip: true\nConf #: 8812004\nu_transfer_reason: Needs a supervisor\nOutcome requested: charge reversed");
    assert_eq!(c.customer_name.as_deref(), Some("NIKO ARVANITIS"));
    assert_eq!(c.first_name.as_deref(), Some("Niko"));
    assert!(c.vip);
    assert_eq!(c.order_numbers, strings(&["8812004"]));
    assert_eq!(c.escalation_reason.as_deref(), Some("Needs a supervisor"));
    assert_eq!(c.requested_outcome.as_deref(), Some("charge reversed"));
    let c = read("Policyholder: Grace Okafor\nWorkflow attempts: 3\nLogin attempts: 7\nSteps the AI tried: reset link, unlock");
    assert_eq!(c.customer_name.as_deref(), Some("Grace Okafor"));
    assert_eq!(
        c.ai_attempts,
        Some(3),
        "the customer's logins are not the bot's tries"
    );
    assert_eq!(c.ai_tried, strings(&["reset link", "unlock"]));
}

#[test]
fn a_one_line_value_stops_at_the_next_line_that_is_a_pair() {
    let c = read("Issue: Printer drops off the network every hour\nSatisfaction risk: High\nCustomer wants: a replacement\nCSAT risk: high");
    assert_eq!(
        c.issue.as_deref(),
        Some("Printer drops off the network every hour")
    );
    assert_eq!(c.requested_outcome.as_deref(), Some("a replacement"));
    // Under a label of its own line, the block still runs to a blank line.
    let c = read("AI summary:\nPrinter drops off the network.\nUpdate from the courier: it happens hourly.\n");
    assert_eq!(
        c.summary.as_deref(),
        Some("Printer drops off the network. Update from the courier: it happens hourly.")
    );
}

#[test]
fn terse_notes_tags_and_transcripts_say_more() {
    let c = read("[VIP] order 5521 · bot gave up after 2 tries. Angry.");
    assert!(c.vip);
    assert_eq!(c.ai_attempts, Some(2));
    assert_eq!(c.sentiment.as_deref(), Some("angry"));
    let c = read(
        "Escalated by Helpbot — Lina Haddad is the account owner (Enterprise plan). She is upset.",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Lina Haddad"));
    assert!(c.vip, "an Enterprise plan");
    let c = read("Customer: Sofia Rossi\nLast messages:\n[bot] Could you share your order number?\n[Sofia Rossi] it's 2025-IT-0042, stuck for a week\n");
    assert_eq!(c.order_numbers, strings(&["2025-IT-0042"]));
    let c = read("Flow ........... IVR > Bot\nCaller ......... JO MARSH\nTransferReason . Caller asked for an agent");
    assert_eq!(
        c.escalation_reason.as_deref(),
        Some("Caller asked for an agent")
    );
}

#[test]
fn terse_one_line_notes() {
    let c = read("Cust: Joe · ord 88213 · wants replacement · upset");
    assert_eq!(c.customer_name.as_deref(), Some("Joe"));
    assert_eq!(c.order_numbers, strings(&["88213"]));
    assert_eq!(c.requested_outcome.as_deref(), Some("replacement"));
    assert_eq!(c.sentiment.as_deref(), Some("upset"));
    let c = read("Case 5512 — Booking #HX-204 — Client: Ines Duarte — mood: annoyed");
    assert_eq!(c.customer_name.as_deref(), Some("Ines Duarte"));
    assert_eq!(c.order_numbers, strings(&["HX-204"]));
    assert_eq!(c.sentiment.as_deref(), Some("annoyed"));
    let c = read("VIP! Oskar — reservation R-7781 lost at check-in. Livid.");
    assert!(c.vip, "a VIP tag opens the note");
    assert_eq!(c.first_name.as_deref(), Some("Oskar"));
    assert_eq!(c.order_numbers, strings(&["R-7781"]));
    assert_eq!(c.sentiment.as_deref(), Some("livid"));
    let c = read("VIP lounge access was refused at the gate. Tom wants a refund.");
    assert!(!c.vip, "a lounge is no tag");
}

#[test]
fn a_requester_writing_for_the_customer() {
    let c = read(
        "Requester: Lena Park (assistant to the director)\nCustomer: Hugo Brandt\nOrder: 5531",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Hugo Brandt"));
    let c = read("Requester: Lena Park\nOrder: 5531");
    assert_eq!(
        c.customer_name.as_deref(),
        Some("Lena Park"),
        "alone, the requester is the customer"
    );
}

#[test]
fn zoho_table_with_an_edition_and_a_sales_order() {
    let c = read(
        "<table><tr><th>Contact</th><td>Ines Roux</td></tr><tr><th>Edition</th><td>Enterprise</td></tr><tr><th>SO Number</th><td>SO77801</td></tr><tr><th>PO #</th><td>PO-4410</td></tr></table>",
    );
    assert_eq!(c.order_numbers, strings(&["SO77801", "PO-4410"]));
    assert_eq!(c.account.as_deref(), Some("Enterprise"));
    assert!(c.vip, "an Enterprise edition is a VIP tier (CONTRACT 6.2)");
    let c = read("Contact: Ines Roux\nEdition: Standard\nSales: EMEA team");
    assert!(!c.vip);
    assert!(c.order_numbers.is_empty());
}

#[test]
fn a_bill_reference_is_an_invoice_number() {
    let c = read(
        "<dl><dt>Contact</dt><dd>Owen Price</dd><dt>Bill ref</dt><dd>INV-88120</dd><dt>Bill</dt><dd>£412 estimated</dd></dl>",
    );
    assert_eq!(c.order_numbers, strings(&["INV-88120"]));
    assert_eq!(
        c.details.get("Bill").map(String::as_str),
        Some("£412 estimated")
    );
}

#[test]
fn a_problem_summary_is_the_issue_and_the_summary() {
    let c = read(
        "<p><strong>Requester:</strong> Ciara Walsh</p>\n<p><strong>Problem summary:</strong> Charged twice for the November bill after switching plans</p>",
    );
    let line = "Charged twice for the November bill after switching plans";
    assert_eq!(c.issue.as_deref(), Some(line));
    assert_eq!(c.summary.as_deref(), Some(line));
    assert!(!c.details.contains_key("Problem summary"));
    // A card's own summary stays the summary.
    let c = read("Issue summary: Router drops\nAI summary: Customer says the router drops hourly");
    assert_eq!(c.issue.as_deref(), Some("Router drops"));
    assert_eq!(
        c.summary.as_deref(),
        Some("Customer says the router drops hourly")
    );
}

#[test]
fn a_title_naming_the_handoff_is_never_the_issue() {
    // A speech icon before the title is decoration; any icon before a
    // quotation quotes the customer.
    let c = read(
        "💬 Tidio — Lyro handoff\n👤 Bruno Marchetti\n🧾 Invoice: #B-2207\n📝 \"Billed for Plus after I downgraded on the 5th — not happy\"\nMood: 😠 angry",
    );
    assert_eq!(
        c.issue.as_deref(),
        Some("Billed for Plus after I downgraded on the 5th — not happy")
    );
    assert_eq!(c.customer_name.as_deref(), Some("Bruno Marchetti"));
    assert_eq!(c.order_numbers, strings(&["B-2207"]));
    // On a prose card the title is no part of the summary or the story.
    let c = read(
        "Olark · Copilot transfer\nShopper Ana Souza says her parcel arrived broken and she wants a replacement sent this week, not a refund.",
    );
    assert!(
        c.summary
            .as_deref()
            .is_some_and(|s| s.starts_with("Shopper Ana")),
        "{:?}",
        c.summary
    );
    assert!(
        c.issue.as_deref().is_some_and(|i| !i.contains("transfer")),
        "{:?}",
        c.issue
    );
}

#[test]
fn a_priority_said_in_a_prose_card() {
    let c = read(
        "Ada handed this over: the Lindqvists' reservation (confirmation 7QX2LM) was moved to another hotel without asking. They want the original hotel back. Priority: high.",
    );
    assert_eq!(c.priority.as_deref(), Some("high"));
    assert_eq!(c.order_numbers, strings(&["7QX2LM"]));
    let c = read("Ada handed this over: guest wants priority boarding refunded.");
    assert_eq!(c.priority, None);
}

#[test]
fn attempts_counted_in_a_heading_with_their_steps() {
    let c = read(
        "Handed over by AI Agent (3 attempts: reset link, sent FAQ, checked status)\nOrder: #DE-4410",
    );
    assert_eq!(c.ai_attempts, Some(3));
    assert_eq!(
        c.ai_tried,
        strings(&["reset link", "sent FAQ", "checked status"])
    );
}

#[test]
fn after_hours_in_the_customers_quoted_words_is_not_the_ticket() {
    let c = read(
        "Chat transferred by bot\nCustomer: Lena Vogt\nQuestion the bot couldn't answer: \"Do you deliver after hours on Saturday? Order 4410-22.\"",
    );
    assert!(!c.after_hours);
    let c = read(
        "After-hours ticket — created by the assistant, “no agents online”.\nCustomer: Lena Vogt",
    );
    assert!(c.after_hours, "said by the card, outside its quote");
}

#[test]
fn labels_in_other_languages() {
    let c = read(
        "Cliente: María José García López\nCorreo: mj.garcia@telefonica.es\nPedido: #MX-55012\nMotivo: Cobro duplicado",
    );
    assert_eq!(c.customer_name.as_deref(), Some("María José García López"));
    assert_eq!(c.first_name.as_deref(), Some("María"));
    assert_eq!(c.emails, strings(&["mj.garcia@telefonica.es"]));
    assert_eq!(c.order_numbers, strings(&["MX-55012"]));
    assert_eq!(c.escalation_reason.as_deref(), Some("Cobro duplicado"));
    let c = read("Kunde: Jonas Weber\nBestellnummer: DE-7781-22\nCommande n°: 4410-FR-82");
    assert_eq!(c.first_name.as_deref(), Some("Jonas"));
    assert_eq!(c.order_numbers, strings(&["DE-7781-22", "4410-FR-82"]));
}

#[test]
fn leader_dots_under_section_headings() {
    let c = read(
        "Contact\n  Name ........ Isabella Rossi-Conti\n  Email ....... isabella@rossiconti.it\nOrder\n  Order # ..... RC-7781\n  Value ....... €2,450.00\nSentiment: Furious",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Isabella Rossi-Conti"));
    assert_eq!(c.first_name.as_deref(), Some("Isabella"));
    assert_eq!(c.order_numbers, strings(&["RC-7781"]));
    assert_eq!(c.emails, strings(&["isabella@rossiconti.it"]));
    assert_eq!(c.sentiment.as_deref(), Some("furious"));
}

#[test]
fn a_job_opening_the_summary_is_not_a_name() {
    let c = read(
        r#"{"customer":{"name":null,"email":"it-desk@dockyard.example"},"bot":{"summary":"Administrator says every seat was suspended overnight after a failed payment."}}"#,
    );
    assert_eq!(c.customer_name, None);
    assert_eq!(c.first_name, None);
    assert_eq!(c.emails, strings(&["it-desk@dockyard.example"]));
}

#[test]
fn a_bracketed_tag_before_the_first_label() {
    let c = read(
        "[Escalated from chat] customer: jamie o'neil | email: jamie.oneil@example.com | order: #US-31-7720 | sentiment: frustrated | priority: normal",
    );
    assert_eq!(c.customer_name.as_deref(), Some("jamie o'neil"));
    assert_eq!(c.first_name.as_deref(), Some("Jamie"));
    assert_eq!(c.order_numbers, strings(&["US-31-7720"]));
    assert_eq!(c.sentiment.as_deref(), Some("frustrated"));
    assert_eq!(c.priority.as_deref(), Some("normal"));
}

#[test]
fn the_customer_quoted_under_a_summary_heading_is_what_they_said() {
    let c = read(
        "Customer: Hannah Reyes\nOrder: #PP-30917\n\nBot transcript summary\n- Customer: \"The 12kg bag of kibble arrived split open, food all over the box.\"\n- Bot: offered a 15% discount code\n\nSentiment: Annoyed",
    );
    assert_eq!(c.customer_name.as_deref(), Some("Hannah Reyes"));
    assert!(
        c.issue
            .as_deref()
            .is_some_and(|i| i.contains("arrived split open")),
        "{:?}",
        c.issue
    );
    assert!(!c.details.contains_key("Customer"));
}
