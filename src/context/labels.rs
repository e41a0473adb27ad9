//! The one synonym table: which [`Field`] a card's label means.
//!
//! Every shape of card ends up as labelled pairs, and every label, however the
//! shape spelled it ("AI Summary", `ai_summary`, `aiSummary`, "📝 Bot summary",
//! "CUSTOMER ......"), goes through [`normalize`] and then [`meaning`]. A
//! label is read as a small grammar rather than looked up in a list of every
//! spelling: optional qualifiers (whose: "customer", "buyer"…; which stage:
//! "escalation", "handoff"…; which bot: "AI", "bot"…) and then one head
//! phrase. So "Customer email", "Buyer e-mail" and `contactEmail` all reach
//! [`Field::Email`] through the one entry for "email", and a new platform's
//! "Handoff reason" needs no entry of its own.
//!
//! Order-like labels ("Order #", "Booking reference", "Invoice no.") have a
//! grammar of their own: a purchase word followed only by identifier words. A
//! qualified one ("Ticket ref", "Case number", "Customer ID") is never an
//! order number (CONTRACT 6.3): it stays a detail.
//!
//! A few values need no label at all: a feeling word alone on a terse card
//! ([`implied`]) and a VIP tag opening a note ([`after_vip_tag`]).

use super::chars::listed;

/// A field of the context that a label can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// The customer's full name.
    Name,
    /// The customer's given name, on cards that split it.
    FirstName,
    /// The customer's family name, on cards that split it.
    LastName,
    /// An email address.
    Email,
    /// Plan, tier or tenure.
    Account,
    /// A yes/no VIP flag.
    Vip,
    /// Labels or tags (read for VIP, kept as a detail).
    Tags,
    /// Why the bot escalated.
    Reason,
    /// How many times the bot tried.
    Attempts,
    /// What the bot tried.
    Tried,
    /// The customer's mood.
    Sentiment,
    /// The escalation's priority.
    Priority,
    /// The bot's summary of the conversation.
    Summary,
    /// The customer's problem.
    Issue,
    /// What the customer wants.
    Outcome,
    /// Order, booking, reservation, confirmation or invoice numbers.
    Order,
    /// A yes/no after-hours flag.
    AfterHours,
    /// A transcript of the chat: every line below it is its own, even
    /// "Customer: …" (what was said, not a label of the card).
    Transcript,
}

/// What a label means: a field, and whether it only stands in when a
/// stronger label for the same field is missing ("Tier" for the account when
/// there is also "Account", "Notes" for the summary, "Contact" for the name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Meaning {
    /// The field.
    pub field: Field,
    /// A weaker synonym: used only when no strong label gives the field.
    pub weak: bool,
}

/// A label as lower-case words separated by single spaces: punctuation,
/// emoji and `snake_case` / `camelCase` / `kebab-case` boundaries become
/// spaces, `#` becomes "number", and a possessive "'s" is dropped.
pub(crate) fn normalize(label: &str) -> String {
    if label.is_ascii() {
        normalize_ascii(label.as_bytes())
    } else {
        normalize_chars(label)
    }
}

/// [`normalize`] for any text, character by character.
fn normalize_chars(label: &str) -> String {
    let mut out = String::with_capacity(label.len() + 8);
    // A space is owed before the next word; none is written at either end.
    let mut space = false;
    let mut prev: Option<char> = None;
    let mut chars = label.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '#' {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str("number");
            space = true;
        } else if c.is_alphanumeric() {
            // "orderId" -> "order id", "AISummary" stays one word: only a
            // lower-to-upper step is a boundary.
            if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
                space = true;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if matches!(c, '\'' | '\u{2019}')
            && matches!(chars.peek(), Some('s' | 'S'))
            && prev.is_some_and(char::is_alphanumeric)
            && !chars.clone().nth(1).is_some_and(char::is_alphanumeric)
        {
            // "Customer's name": the possessive is not a word of the label.
            chars.next();
        } else {
            space = true;
        }
        prev = Some(c);
    }
    out
}

/// [`normalize`] for ASCII labels, the common case, byte by byte.
fn normalize_ascii(label: &[u8]) -> String {
    let mut out = String::with_capacity(label.len() + 8);
    let mut space = false;
    let mut i = 0;
    while i < label.len() {
        let c = label[i];
        if c == b'#' {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str("number");
            space = true;
        } else if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && i > 0 && label[i - 1].is_ascii_lowercase() {
                space = true;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(char::from(c.to_ascii_lowercase()));
        } else if c == b'\''
            && label
                .get(i + 1)
                .is_some_and(|n| n.eq_ignore_ascii_case(&b's'))
            && i > 0
            && label[i - 1].is_ascii_alphanumeric()
            && !label.get(i + 2).is_some_and(u8::is_ascii_alphanumeric)
        {
            i += 1;
        } else {
            space = true;
        }
        i += 1;
    }
    out
}

/// What a normalized or raw label means, if it is one of the context's
/// fields.
pub(crate) fn meaning(label: &str) -> Option<Meaning> {
    let norm = normalize(label);
    meaning_of_words(&norm).or_else(|| {
        // What a label says in parentheses or brackets qualifies it:
        // "Customer (from CRM)", "Order number (deal property)", "[Escalated
        // from chat] customer".
        if label.contains(['(', '[']) {
            let bare: String = without_parentheses(label);
            if let Some(m) = meaning_of_words(&normalize(&bare)) {
                return Some(m);
            }
        }
        // A label in two languages: "客户 / Customer", "Bestellnummer / Order no.".
        if label.contains('/') {
            if let Some(m) = label
                .split('/')
                .find_map(|part| meaning_of_words(&normalize(part)))
            {
                return Some(m);
            }
        }
        // A platform's prefix on a field's name: ServiceNow's "u_vip",
        // "u_order_number"; "va_transfer_reason".
        let (first, rest) = norm.split_once(' ')?;
        (first.len() <= 2).then(|| meaning_of_words(rest)).flatten()
    })
}

/// `label` without what it says in parentheses or brackets.
fn without_parentheses(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut depth = 0usize;
    for c in label.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words for how a customer feels. A sentiment value holds one ("Negative
/// (frustrated)"); on a terse card one alone is the mood ([`implied`]).
pub(crate) const FEELINGS: &str = concat!(
    "frustrated angry annoyed upset furious irritated livid anxious worried confused ",
    "disappointed stressed impatient sad unhappy happy calm nervous satisfied grateful",
);

/// The field that a value names by itself, with no label: on a terse card
/// ("Cust: Sam · ord 4471 · angry") a feeling word alone is the customer's
/// mood, as plainly as if "Sentiment:" stood before it. Nothing else is
/// read this way: a bare "VIP" or "High" could belong to the value before it.
pub(crate) fn implied(value: &str) -> Option<Meaning> {
    let word = value.trim().trim_end_matches(['.', '!']);
    (!word.contains(char::is_whitespace) && listed(FEELINGS, word)).then_some(Meaning {
        field: Field::Sentiment,
        weak: false,
    })
}

/// What follows a VIP tag that opens `text` ("VIP!! Anika — …", "[VIP]
/// Marta · …", "⭐ VIP: …"), if a tag opens it. A tag is the word VIP with
/// a mark after it; "VIP lounge access was refused" does not open with one.
/// A tag marks the customer the note is about as VIP (CONTRACT 6.2), and
/// the name right after it is theirs ([`super::names::Names::topic`]).
pub(crate) fn after_vip_tag(text: &str) -> Option<&str> {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let rest = t
        .get(..3)
        .filter(|w| w.eq_ignore_ascii_case("vip"))
        .map(|_| &t[3..])?;
    let mark = rest.trim_start().chars().next();
    mark.is_some_and(|c| !c.is_alphanumeric())
        .then(|| rest.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether the label is one the table knows (any field).
pub(crate) fn is_known(label: &str) -> bool {
    meaning(label).is_some()
}

/// The meaning of a key inside a nested dump or an indented block, given the
/// keys of the objects around it (outermost first). "name" under "customer"
/// is the customer's name; "name" under "agent" is not; "id" under "order" is
/// an order number.
pub(crate) fn meaning_in(ancestors: &[String], key: &str) -> Option<Meaning> {
    let key = normalize(key);
    if let Some(parent) = ancestors.last() {
        let combined = format!("{} {key}", normalize(parent));
        if let Some(m) = meaning_of_words(&combined) {
            return Some(m);
        }
        let m = meaning_of_words(&key)?;
        // A bare "name" belongs to whatever object holds it: only under a
        // customer-like object (or one inside such an object) is it the
        // customer's.
        let personal = matches!(m.field, Field::Name | Field::FirstName | Field::LastName);
        let customer = |words: &str| {
            words
                .split(' ')
                .any(|w| qualifier(w) == Some(Qualifier::Role { weak: false }))
        };
        if personal && !customer(&key) && !ancestors.iter().any(|a| customer(&normalize(a))) {
            return None;
        }
        return Some(m);
    }
    meaning_of_words(&key)
}

/// Whether `word` (lower case) names the customer by their role:
/// "customer", "buyer", "seller", "guest"…
pub(crate) fn is_role(word: &str) -> bool {
    matches!(qualifier(word), Some(Qualifier::Role { .. }))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    /// Whose: the customer by another name. Alone, it labels the name.
    Role { weak: bool },
    /// Which stage or which bot: "escalation reason", "AI summary".
    Context,
}

fn qualifier(word: &str) -> Option<Qualifier> {
    Some(match word {
        "customer" | "customers" | "cust" | "client" | "subscriber" | "buyer" | "user"
        | "member" | "caller" | "chatter" | "shopper" | "patient" | "guest" | "passenger"
        | "traveller" | "traveler" | "consumer" | "cardholder" | "player" | "policyholder"
        | "insured" | "claimant" | "applicant" | "tenant" | "borrower" | "diner" | "attendee"
        | "recipient" | "renter" | "hirer" | "lessee" | "resident" | "student" | "learner"
        | "donor" | "who"
        // Other languages' "customer" (a card may be written in one).
        | "cliente" | "kunde" | "klant" | "kund" | "asiakas" | "klient" => {
            Qualifier::Role { weak: false }
        }
        // A seller is the customer on a marketplace's seller desk but a third
        // party on its buyer desk; a contact is often an email; a ticket's
        // requester may be an assistant or a colleague writing for the
        // customer. All yield to a plain "Customer".
        "seller" | "contact" | "visitor" | "requester" | "requestor" => {
            Qualifier::Role { weak: true }
        }
        "ai" | "bot" | "chatbot" | "assistant" | "virtual" | "escalation" | "escalated"
        | "handoff" | "hand" | "off" | "transfer" | "conversation" | "chat" | "ticket" | "case"
        | "the" | "end" | "primary" | "main" | "current" | "detected" | "reported" | "stated"
        | "original" | "loyalty" | "auto" | "automatic" | "generated" | "associated" | "linked"
        | "related" | "handover" | "profile" | "crm" => Qualifier::Context,
        _ => return None,
    })
}

/// Whether a context qualifier names a thing that can have a name of its
/// own (a ticket, a conversation, the bot), rather than a stage.
fn names_a_thing(word: &str) -> bool {
    matches!(
        word,
        "ticket"
            | "case"
            | "conversation"
            | "chat"
            | "ai"
            | "bot"
            | "chatbot"
            | "assistant"
            | "virtual"
            | "transfer"
            | "escalation"
    )
}

fn is_order_label(norm: &str) -> bool {
    // "Orders on account", "Order in question": where the orders are.
    let norm = [
        "on account",
        "on file",
        "in question",
        "placed",
        "affected",
        "involved",
    ]
    .iter()
    .find_map(|tail| norm.strip_suffix(tail).map(str::trim_end))
    .unwrap_or(norm);
    let mut words = norm.split(' ');
    // Words that name a purchase only with an identifier word after them: a
    // bill is an invoice ("Bill ref", "Bill no.", but not "Bill: £412"), and
    // a sales or purchase order is an order ("SO Number", "PO #", "Sales
    // order no.", but not "Sales" or "So").
    let head = words.next();
    let abbreviated = head
        .is_some_and(|head| matches!(head, "bill" | "bills" | "so" | "po" | "sales"))
        && norm.contains(' ');
    let purchase = abbreviated
        || head.is_some_and(|head| {
            matches!(
                head,
                "order"
                | "orders"
                | "booking"
                | "bookings"
                | "reservation"
                | "reservations"
                | "confirmation"
                | "invoice"
                | "invoices"
                | "purchase"
                | "ref"
                | "reference"
                | "pnr"
                | "conf"
                // Terse notes: "ord 4471".
                | "ord"
                // Other languages' "order" and "booking".
                | "pedido" | "commande" | "bestellung" | "bestellnummer" | "ordine"
                | "encomenda" | "buchung" | "reserva" | "zamowienie"
            )
        });
    purchase
        && words.all(|w| {
            matches!(
                w,
                "number"
                    | "numbers"
                    | "no"
                    | "nos"
                    | "num"
                    | "nr"
                    | "id"
                    | "ids"
                    | "ref"
                    | "reference"
                    | "code"
                    | "s"
                    // "Purchase order"
                    | "order"
                    // "Commande n°", "Pedido nº", "Auftragsnummer".
                    | "n" | "nº" | "numero" | "número" | "nummer"
            )
        })
}

/// The meaning of a normalized label (single-spaced lower-case words).
fn meaning_of_words(norm: &str) -> Option<Meaning> {
    if norm.is_empty() {
        return None;
    }
    // An email's sender ("From: Oskar Lindqvist <…>") is the customer on a
    // forwarded mail, but may be a bot's address: it yields to a plain
    // "Customer". Only as the whole label: "Escalated from chat" is prose.
    if matches!(norm, "from" | "sender" | "from name" | "sender name") {
        return Some(Meaning {
            field: Field::Name,
            weak: true,
        });
    }
    // Order labels are never qualified: "Ticket ref" and "Customer ID" are
    // not purchases.
    if is_order_label(norm) {
        return Some(Meaning {
            field: Field::Order,
            weak: false,
        });
    }
    let mut rest = norm;
    let mut role = None;
    // A qualifier that names a thing, not a person: "Ticket name", "Bot
    // name" and "Conversation name" are not the customer's name.
    let mut thing = false;
    while !rest.is_empty() {
        let (first, tail) = rest.split_once(' ').unwrap_or((rest, ""));
        match qualifier(first) {
            Some(Qualifier::Role { weak }) => role = Some(weak),
            Some(Qualifier::Context) => thing |= names_a_thing(first),
            None => break,
        }
        rest = tail;
    }
    if rest.is_empty() {
        return role.map(|weak| Meaning {
            field: Field::Name,
            weak,
        });
    }
    // What the bot tried, under any name for the bot: "Steps the AI
    // tried", "Fin tried", "Workflow attempts", "lexAttempts"; and why it
    // handed over: "Reason for handover".
    let last = rest.rsplit(' ').next().unwrap_or(rest);
    // …but not the customer's own tries: "Login attempts", "Payment
    // attempts", "Delivery attempts".
    let customers = rest.split(' ').any(|w| {
        matches!(
            w,
            "login"
                | "log"
                | "sign"
                | "signin"
                | "payment"
                | "payments"
                | "delivery"
                | "password"
                | "pin"
                | "call"
                | "contact"
                | "failed"
                | "unsuccessful"
                | "charge"
                | "card"
                | "access"
                | "verification"
                | "customer"
                | "user"
                | "redelivery"
        )
    });
    if !customers && rest.contains(' ') && matches!(last, "tried" | "attempted") {
        return Some(Meaning {
            field: Field::Tried,
            weak: false,
        });
    }
    if !customers && matches!(last, "attempts" | "tries") {
        return Some(Meaning {
            field: Field::Attempts,
            weak: false,
        });
    }
    if rest.starts_with("reason for ") {
        return Some(Meaning {
            field: Field::Reason,
            weak: false,
        });
    }
    // Then trailing ones: "Summary (AI)", "Summary of conversation",
    // "Sentiment score", "Bot tried (2)".
    let mut head = rest;
    let (field, weak) = loop {
        if let Some(found) = head_meaning(head) {
            break found;
        }
        // "Summary from Max (AI assistant)", "Note by the bot": who wrote it.
        if let Some(found) = [" from ", " by "]
            .iter()
            .find_map(|w| head.split_once(w))
            .and_then(|(before, _)| head_meaning(before))
        {
            break found;
        }
        let (before, last) = head.rsplit_once(' ')?;
        // "Summary for agent", "Notes for the team": whom it is written for.
        if matches!(
            last,
            "agent" | "agents" | "human" | "humans" | "team" | "staff" | "rep"
        ) {
            if let Some(rest) = before
                .strip_suffix(" for")
                .or_else(|| before.strip_suffix(" for the"))
            {
                head = rest;
                continue;
            }
        }
        let trailing = qualifier(last) == Some(Qualifier::Context)
            || matches!(
                last,
                "of" | "by" | "from" | "score" | "s" | "label" | "value" | "text" | "level"
            )
            || last.chars().all(|c| c.is_ascii_digit());
        if !trailing {
            return None;
        }
        head = before;
    };
    let personal = matches!(field, Field::Name | Field::FirstName | Field::LastName);
    if personal && thing && role.is_none() {
        return None;
    }
    // "Seller name" is as weak as "Seller".
    let weak = weak || (field == Field::Name && role == Some(true));
    Some(Meaning { field, weak })
}

/// The head phrases, after qualifiers are taken off.
fn head_meaning(head: &str) -> Option<(Field, bool)> {
    use Field::*;
    Some(match head {
        "name" | "names" | "full name" | "display name" | "fullname" | "nombre" | "nome"
        | "naam" => (Name, false),
        "first" | "first name" | "firstname" | "given name" | "forename" | "fname" | "prénom"
        | "prenom" | "vorname" => {
            (FirstName, false)
        }
        "last" | "last name" | "lastname" | "surname" | "family name" | "lname" => {
            (LastName, false)
        }
        "email" | "emails" | "e mail" | "email address" | "e mail address" | "mail" | "correo"
        | "courriel" => {
            (Email, false)
        }
        "account" | "acct" | "plan" | "subscription" | "membership" | "account type"
        | "plan type" | "plan name" | "subscription plan" | "package" | "plan tier"
        | "account tier" | "account level" | "plan level" | "service tier"
        | "subscription tier" => (Account, false),
        // "Edition" is how some desks (Zoho) name the plan a customer is on.
        "tier" | "membership tier" | "membership level" | "level" | "segment" | "edition" => {
            (Account, true)
        }
        "vip" | "is vip" | "vip status" => (Vip, false),
        "labels" | "label" | "tags" | "tag" | "flags" | "segments" => (Tags, false),
        "reason"
        | "reason for transfer"
        | "reason for escalation"
        | "reason for handoff"
        | "why"
        | "because"
        | "trigger"
        | "cause"
        | "motivo"
        | "motif" => (Reason, false),
        "attempts"
        | "attempt"
        | "attempt count"
        | "attempts count"
        | "number of attempts"
        | "tries"
        | "resolution attempts" => (Attempts, false),
        "tried"
        | "actions"
        | "actions taken"
        | "steps taken"
        | "steps"
        | "already tried"
        | "attempted"
        | "troubleshooting"
        | "troubleshooting steps"
        | "what was tried"
        | "what the bot tried"
        | "what ai tried"
        | "what the ai tried" => (Tried, false),
        "sentiment" | "mood" | "tone" | "emotion" | "feeling" | "emotional state" => {
            (Sentiment, false)
        }
        "priority" | "prio" | "urgency" | "severity" => (Priority, false),
        "summary" | "recap" | "overview" | "synopsis" | "transcript summary" => (Summary, false),
        "notes" | "note" | "description" | "context" => (Summary, true),
        "issue"
        | "problem"
        | "what happened"
        | "topic"
        | "subject"
        | "complaint"
        | "issue summary"
        // A summary of the problem is the problem in one line, not the
        // bot's summary of the chat.
        | "problem summary"
        | "problem description"
        | "inquiry"
        | "enquiry"
        | "concern"
        | "query"
        | "question"
        | "issue description"
        | "issue details"
        | "problem details"
        | "reason for contact"
        | "contact reason" => (Issue, false),
        // The customer's own words: "Customer said: …", "Customer quote: …".
        "said" | "says" | "wrote" | "writes" | "quote" | "verbatim" | "statement"
        | "in their words" | "in their own words" => (Issue, true),
        // A bot platform's classification ("intent": "refund_request").
        "intent" | "detected intent" | "intent name" => (Issue, true),
        "wants"
        | "requested outcome"
        | "desired outcome"
        | "desired resolution"
        | "requested resolution"
        | "request"
        | "requested"
        | "expected outcome"
        | "outcome"
        | "goal"
        | "what the customer wants"
        | "what they want"
        | "outcome requested"
        | "resolution requested"
        | "wish" => (Outcome, false),
        "after hours" | "out of hours" | "outside hours" | "outside business hours" => {
            (AfterHours, false)
        }
        "transcript" | "chat transcript" | "chat log" | "log" | "chat history" | "history"
        | "messages" | "last messages" | "recent messages" | "excerpt" | "transcript excerpt" => {
            (Transcript, false)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(label: &str) -> Option<Field> {
        meaning(label).map(|m| m.field)
    }

    #[test]
    fn normalizes_every_spelling() {
        assert_eq!(normalize("AI Summary:"), "ai summary");
        assert_eq!(normalize("ai_summary"), "ai summary");
        assert_eq!(normalize("aiSummary"), "ai summary");
        assert_eq!(normalize("Order #"), "order number");
        assert_eq!(normalize("👤 Customer’s name"), "customer name");
        assert_eq!(normalize("E-mail"), "e mail");
        for l in [
            "Customer's name",
            "orderId",
            "Order #:",
            "AI_Summary",
            "x's",
            "it'sy",
            "'s",
            " A  b ",
            "#1",
        ] {
            assert_eq!(normalize_ascii(l.as_bytes()), normalize_chars(l), "{l}");
        }
    }

    #[test]
    fn synonyms_reach_one_field() {
        for l in [
            "Customer",
            "Name",
            "Client",
            "Requester",
            "Subscriber",
            "Buyer",
            "User",
            "Customer name",
        ] {
            assert_eq!(field(l), Some(Field::Name), "{l}");
        }
        for l in [
            "Order",
            "Order #",
            "Order ID",
            "Order number",
            "Ref",
            "Reference",
            "Booking",
            "Invoice no.",
            "Bill ref",
            "SO Number",
            "PO #",
            "Sales order no.",
        ] {
            assert_eq!(field(l), Some(Field::Order), "{l}");
        }
        for l in [
            "Escalation Reason",
            "Reason for transfer",
            "Reason for escalation",
            "Reason",
            "Handoff reason",
        ] {
            assert_eq!(field(l), Some(Field::Reason), "{l}");
        }
        assert_eq!(field("Customer wants"), Some(Field::Outcome));
        assert_eq!(field("What happened"), Some(Field::Issue));
        assert_eq!(field("Problem summary"), Some(Field::Issue));
        assert_eq!(field("Edition"), Some(Field::Account));
        assert_eq!(field("Customer said"), Some(Field::Issue));
        assert_eq!(field("Bot attempts"), Some(Field::Attempts));
        assert_eq!(field("Steps taken"), Some(Field::Tried));
        assert_eq!(field("Customer mood"), Some(Field::Sentiment));
        assert_eq!(field("Conversation summary"), Some(Field::Summary));
        assert_eq!(field("Seller name"), Some(Field::Name));
        assert_eq!(field("Summary (AI)"), Some(Field::Summary));
        assert_eq!(field("Summary of conversation"), Some(Field::Summary));
        assert_eq!(field("Sentiment score"), Some(Field::Sentiment));
        assert_eq!(field("Bot tried (2)"), Some(Field::Tried));
        assert_eq!(field("Order(s)"), Some(Field::Order));
        assert_eq!(field("Chat transcript"), Some(Field::Transcript));
        assert_eq!(field("Loyalty tier"), Some(Field::Account));
        assert_eq!(field("Summary for agent"), Some(Field::Summary));
        assert_eq!(
            field("Summary from Max (AI assistant)"),
            Some(Field::Summary)
        );
        assert_eq!(field("Handoff note from Penny"), Some(Field::Summary));
        assert_eq!(field("Notes for the team"), Some(Field::Summary));
        assert_eq!(field("Associated contact"), Some(Field::Name));
        assert_eq!(field("Escalation customer name"), Some(Field::Name));
        assert_eq!(field("Customer (from CRM)"), Some(Field::Name));
        assert_eq!(field("Cardholder"), Some(Field::Name));
        assert_eq!(
            field("Order number (read back by caller)"),
            Some(Field::Order)
        );
        assert_eq!(field("u_purchase_order"), Some(Field::Order));
        assert_eq!(field("u_vip"), Some(Field::Vip));
        assert_eq!(field("va_transfer_reason"), Some(Field::Reason));
        assert_eq!(field("Conf #"), Some(Field::Order));
        assert_eq!(field("Steps the AI tried"), Some(Field::Tried));
        assert_eq!(field("Workflow attempts"), Some(Field::Attempts));
        assert_eq!(field("lexAttempts"), Some(Field::Attempts));
        assert_eq!(field("Login attempts"), None);
        assert_eq!(field("Delivery attempts"), None);
        assert_eq!(field("Reason for handover"), Some(Field::Reason));
        assert_eq!(field("Outcome requested"), Some(Field::Outcome));
        assert_eq!(field("Account tier"), Some(Field::Account));
        assert_eq!(field("AI handover note"), Some(Field::Summary));
        assert_eq!(field("客户 / Customer"), Some(Field::Name));
        assert_eq!(field("Orders on account"), Some(Field::Order));
        assert_eq!(field("Status"), None);
        assert!(meaning("Seller name").unwrap().weak);
        // Terse and trade-specific labels.
        assert_eq!(field("ord"), Some(Field::Order));
        assert_eq!(field("Cust"), Some(Field::Name));
        assert_eq!(field("prio"), Some(Field::Priority));
        assert_eq!(field("Renter"), Some(Field::Name));
        // A requester may write for the customer: a plain "Customer" wins.
        assert!(meaning("Ticket requester").unwrap().weak);
        assert!(!meaning("Customer").unwrap().weak);
    }

    #[test]
    fn values_that_need_no_label() {
        assert_eq!(implied("angry").map(|m| m.field), Some(Field::Sentiment));
        assert_eq!(implied("Furious!").map(|m| m.field), Some(Field::Sentiment));
        assert_eq!(implied("VIP"), None);
        assert_eq!(implied("not angry"), None);
        assert_eq!(
            after_vip_tag("VIP!! Anika — booking"),
            Some("Anika — booking")
        );
        assert_eq!(after_vip_tag("[VIP] Marta · order"), Some("Marta · order"));
        assert_eq!(after_vip_tag("⭐ VIP: Marta"), Some("Marta"));
        assert_eq!(after_vip_tag("VIP lounge access was refused"), None);
        assert_eq!(after_vip_tag("VIPs get priority"), None);
        assert_eq!(after_vip_tag("Customer is VIP!"), None);
        assert_eq!(after_vip_tag("vi"), None);
    }

    #[test]
    fn ids_of_other_things_are_not_orders() {
        for l in [
            "Ticket ref",
            "Case number",
            "Customer ID",
            "Serial number",
            "Account number",
            "Conversation ID",
        ] {
            assert_ne!(field(l), Some(Field::Order), "{l}");
        }
        assert_eq!(field("Order total"), None);
        assert_eq!(field("Bill amount"), None);
        assert_eq!(field("Sales"), None);
        assert_eq!(field("Escalation"), None);
        assert_eq!(field("Agent name"), None);
        assert_eq!(field("Ticket name"), None);
        assert_eq!(field("Bot name"), None);
        assert_eq!(field("Conversation name"), None);
    }

    #[test]
    fn nested_keys_read_with_their_parents() {
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            meaning_in(&path(&["customer"]), "name").map(|m| m.field),
            Some(Field::Name)
        );
        assert_eq!(meaning_in(&path(&["agent"]), "name"), None);
        assert_eq!(
            meaning_in(&path(&["order"]), "id").map(|m| m.field),
            Some(Field::Order)
        );
        assert_eq!(meaning_in(&path(&["order"]), "seller"), None);
        let field_in = |p: &[&str], k: &str| meaning_in(&path(p), k).map(|m| m.field);
        assert_eq!(field_in(&["sentiment"], "label"), Some(Field::Sentiment));
        assert_eq!(field_in(&["priority"], "level"), Some(Field::Priority));
        assert_eq!(field_in(&["order"], "value"), None);
        assert_eq!(field("sentimentLabel"), Some(Field::Sentiment));
        assert_eq!(
            meaning_in(&path(&["handoff"]), "reason").map(|m| m.field),
            Some(Field::Reason)
        );
        assert_eq!(
            meaning_in(&path(&["customer"]), "first").map(|m| m.field),
            Some(Field::FirstName)
        );
    }
}
