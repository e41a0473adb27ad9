# p9 probe cards: unusual card shapes. Labels are conservative: only fields
# whose exact value is certain. See ../../../../shared/corpus/README.md policy.
F = False
T = True

CARDS = []


def card(id, fmt, text, **expect):
    CARDS.append({"id": id, "format": fmt, "card": text, "expect": expect})


card("p9-c01", "markdown-table",
"""### Escalation — handed off by Nova (AI)

| Field | Value |
|---|---|
| Customer | Amara Nwosu |
| Email | amara.nwosu@gmail.com |
| Plan | Premium (monthly) |
| Order | #NV-40213 |
| Escalation reason | Refund for damaged blender |
| AI attempts | 2 |
| Sentiment | Frustrated |
| Priority | High |
| Summary | Blender arrived with a cracked jug. Bot offered a replacement jug; customer wants a full refund instead. |""",
    customer_name="Amara Nwosu", first_name="Amara", emails=["amara.nwosu@gmail.com"],
    account="Premium (monthly)", order_numbers=["NV-40213"],
    escalation_reason="Refund for damaged blender", ai_attempts=2, sentiment="frustrated",
    priority="high", vip=F, after_hours=F,
    summary="Blender arrived with a cracked jug. Bot offered a replacement jug; customer wants a full refund instead.")

card("p9-c02", "markdown-table-aligned-title-name",
"""Handoff summary

Field             | Value
----------------- | ------------------------------
Name              | Dr. Ingrid Solberg
Booking reference | LX-77Q2P
E-mail            | i.solberg@uio.no
Reason            | Double-booked hotel room
Mood              | annoyed
Priority          | normal""",
    first_name="Ingrid", order_numbers=["LX-77Q2P"], emails=["i.solberg@uio.no"],
    escalation_reason="Double-booked hotel room", sentiment="annoyed", priority="normal",
    vip=F, after_hours=F)

card("p9-c03", "plain-two-column-aligned-last-first",
"""ESCALATED CHAT                         #48213
Customer          Okonkwo, Chidi
Email             chidi.okonkwo@yahoo.co.uk
Account           Standard (since 2021)
Order no.         5520-1187-09
Reason            Item missing from parcel
Sentiment         Upset
Priority          Medium""",
    first_name="Chidi", emails=["chidi.okonkwo@yahoo.co.uk"], account="Standard (since 2021)",
    order_numbers=["5520-1187-09"], escalation_reason="Item missing from parcel",
    sentiment="upset", priority="medium", vip=F, after_hours=F)

card("p9-c04", "html-copy-labels-values-on-separate-lines",
"""Escalation details
Customer name
Jean-Luc Moreau
Email address
jl.moreau@orange.fr
Order number
FR-2026-118734
Reason for escalation
Wrong item delivered
Sentiment
Frustrated
Priority
High
AI summary
Ordered a 12-piece knife set, received a 6-piece set. Bot offered the price difference as credit; customer wants the correct set.
View conversation""",
    customer_name="Jean-Luc Moreau", first_name="Jean-Luc", emails=["jl.moreau@orange.fr"],
    order_numbers=["FR-2026-118734"], escalation_reason="Wrong item delivered",
    sentiment="frustrated", priority="high", vip=F, after_hours=F,
    summary="Ordered a 12-piece knife set, received a 6-piece set. Bot offered the price difference as credit; customer wants the correct set.")

card("p9-c05", "html-div-sidebar-sections",
"""<div class="sidebar">
<h3>Contact</h3>
<div class="label">Name</div>
<div class="value">Siddharth Iyer</div>
<div class="label">Email</div>
<div class="value">sid.iyer@outlook.com</div>
<h3>Order</h3>
<div class="label">Order ID</div>
<div class="value">#IN-99120-B</div>
<div class="label">Status</div>
<div class="value">Delivered</div>
<h3>Bot summary</h3>
<p>Customer says the laptop charger in the box has the wrong plug type (US instead of UK). Bot shared the accessories page. Customer wants a UK charger sent free of charge.</p>
</div>""",
    customer_name="Siddharth Iyer", first_name="Siddharth", emails=["sid.iyer@outlook.com"],
    order_numbers=["IN-99120-B"], priority=None, vip=F, after_hours=F)

card("p9-c06", "json-nested-arrays",
"""{
  "escalation": {
    "id": "esc_20260305_0042",
    "channel": "web_chat",
    "ai": {"attempts": 3, "actions": ["shared_return_policy", "generated_return_label"]},
    "sentiment": {"label": "angry", "score": -0.82},
    "priority": "urgent"
  },
  "customer": {
    "name": {"first": "Mei", "last": "Lin"},
    "contact": {"emails": ["mei.lin@example.com"], "phone": "+65 8123 4567"},
    "tier": "standard"
  },
  "orders": [
    {"number": "SG-300981", "status": "delivered", "items": ["air purifier"]},
    {"number": "SG-301207", "status": "processing", "items": ["filter pack"]}
  ],
  "summary": "Air purifier from SG-300981 makes a grinding noise. Customer wants an exchange, and to hold SG-301207 until the new unit arrives."
}""",
    first_name="Mei", emails=["mei.lin@example.com"], order_numbers=["SG-300981", "SG-301207"],
    ai_attempts=3, sentiment="angry", priority="urgent", vip=F, after_hours=F,
    summary="Air purifier from SG-300981 makes a grinding noise. Customer wants an exchange, and to hold SG-301207 until the new unit arrives.")

card("p9-c07", "yaml-particle-name-invoice",
"""handoff:
  source: chatbot
  created: 2026-03-06 14:22
customer:
  name: Pieter van der Berg
  email: pieter.vdberg@ziggo.nl
  plan: Business Pro
issue: Invoice shows wrong VAT rate
invoice: INV-NL-2026-00417
sentiment: neutral
priority: low
ai_attempts: 1
summary: >
  Customer's March invoice applied 9% VAT instead of 21%. Bot explained
  how VAT is calculated; customer needs a corrected invoice for his
  bookkeeping.""",
    customer_name="Pieter van der Berg", first_name="Pieter", emails=["pieter.vdberg@ziggo.nl"],
    account="Business Pro", issue="Invoice shows wrong VAT rate", order_numbers=["INV-NL-2026-00417"],
    sentiment="neutral", priority="low", ai_attempts=1, vip=F, after_hours=F,
    summary="Customer's March invoice applied 9% VAT instead of 21%. Bot explained how VAT is calculated; customer needs a corrected invoice for his bookkeeping.")

card("p9-c08", "logfmt",
"""level=info msg="handoff requested" conv=cv_91aa2 customer="Lucía Fernández-Ortega" email=lucia.fo@gmail.com order=ES-55871 reason="refund not received after 14 days" ai_attempts=2 sentiment=frustrated priority=high after_hours=false""",
    customer_name="Lucía Fernández-Ortega", first_name="Lucía", emails=["lucia.fo@gmail.com"],
    order_numbers=["ES-55871"], escalation_reason="refund not received after 14 days",
    ai_attempts=2, sentiment="frustrated", priority="high", vip=F, after_hours=F)

card("p9-c09", "forwarded-email-headers",
"""---------- Forwarded message ---------
From: Helpdesk Bot <bot@support.kestrel.io>
Date: Thu, 5 Mar 2026 at 10:41
Subject: [Escalation] Booking KST-88120 – refund request
To: <tier2@kestrel.io>

Customer: Mrs. Olivia Bennett-Clarke
Email: olivia.bc@btinternet.com
Booking: KST-88120 (London → Lisbon, 14 Mar)
Sentiment: Anxious
Priority: Normal

The customer's flight was cancelled by the airline. The bot offered a voucher; she wants a cash refund to her card.""",
    first_name="Olivia", order_numbers=["KST-88120"], sentiment="anxious", priority="normal",
    vip=F, after_hours=F)

card("p9-c10", "slack-bot-message",
"""HandoffBot  APP  11:04 AM
:rotating_light: *New escalation* — needs a human
*Customer:* Kwame Mensah
*Order:* `#GH-7710`
*Reason:* Charged but order shows cancelled
*Sentiment:* :rage: angry
*Priority:* :red_circle: High
> Bot tried: payment status check, resend confirmation email
<https://desk.example.com/t/55012|Open ticket #55012>""",
    customer_name="Kwame Mensah", first_name="Kwame", order_numbers=["GH-7710"], emails=[],
    escalation_reason="Charged but order shows cancelled", sentiment="angry", priority="high",
    ai_tried=["payment status check", "resend confirmation email"], vip=F, after_hours=F)

card("p9-c11", "teams-bot-single-name",
"""Escalation bot
New handoff • Priority: 🔴 P1
Name: Aiko
Reservation: 0042-TK-5531
Issue: Charged twice for the same room
Customer says she is really upset — this is her third chat about it.
AI attempts: 3""",
    customer_name="Aiko", first_name="Aiko", order_numbers=["0042-TK-5531"], emails=[],
    issue="Charged twice for the same room", ai_attempts=3, sentiment="upset", vip=F, after_hours=F)

card("p9-c12", "crm-sidebar-sections",
"""CONTACT
Name: Fatou Diallo
Email: fatou.diallo@free.fr
Phone: +33 6 12 34 56 78
Customer since: 2018

ORDER
Order #: 1029-4471
Placed: 2 Mar 2026
Total: €89.90

BOT SUMMARY
Fatou's parcel was returned to sender because the courier couldn't access her building. Bot confirmed the return; she wants it re-sent, not refunded.
Sentiment: frustrated""",
    customer_name="Fatou Diallo", first_name="Fatou", emails=["fatou.diallo@free.fr"],
    order_numbers=["1029-4471"], sentiment="frustrated", priority=None, vip=F, after_hours=F)

card("p9-c13", "crm-sidebar-several-orders",
"""Contact
  Hiroshi Tanaka
  hiroshi.tanaka@example.jp
Recent orders
  #JP-20931  delivered 12 Feb
  #JP-21877  delivered 27 Feb
  #JP-22410  in transit
Bot summary
  Customer says the rice cooker from #JP-21877 has a broken lid hinge. Wants a replacement part. Other orders are fine.
Sentiment: calm · Priority: normal""",
    customer_name="Hiroshi Tanaka", first_name="Hiroshi", emails=["hiroshi.tanaka@example.jp"],
    order_numbers=["JP-20931", "JP-21877", "JP-22410"], sentiment="calm", priority="normal",
    vip=F, after_hours=F)

card("p9-c14", "label-colon-several-orders-slashes",
"""Customer: Grzegorz Brzęczyszczykiewicz
Email: g.brzeczyszczykiewicz@wp.pl
Orders on account: PL/2026/0113, PL/2026/0298, PL/2026/0305
Affected order: PL/2026/0298
Escalation reason: Missing item (1 of 3 boxes)
Sentiment: Neutral
Priority: Normal""",
    customer_name="Grzegorz Brzęczyszczykiewicz", first_name="Grzegorz",
    emails=["g.brzeczyszczykiewicz@wp.pl"], order_numbers=["PL/2026/0113", "PL/2026/0298", "PL/2026/0305"],
    escalation_reason="Missing item (1 of 3 boxes)", sentiment="neutral", priority="normal",
    vip=F, after_hours=F)

card("p9-c15", "after-hours-no-name-emoji",
"""⏰ AFTER HOURS — ticket auto-created by assistant at 02:37 (support opens 08:00)
Name: not provided
Email: night.owl.88@protonmail.com
Order ID: ZX-0091-44
Issue: Promo code SPRING20 rejected at checkout
Sentiment: irritated""",
    customer_name=None, first_name=None, emails=["night.owl.88@protonmail.com"],
    order_numbers=["ZX-0091-44"], issue="Promo code SPRING20 rejected at checkout",
    sentiment="irritated", priority=None, vip=F, after_hours=T)

card("p9-c16", "prose-after-hours-title-premier",
"""Left for the morning team by Ada (AI) at 23:12, outside support hours: Dr. Ngozi Eze-Okafor (ngozi.eze@unilag.edu.ng) can't access her Premier account after a password reset. The reset confirmation emails aren't arriving. She's worried about a client presentation at 10:00.""",
    first_name="Ngozi", emails=["ngozi.eze@unilag.edu.ng"], order_numbers=[], sentiment="worried",
    priority=None, vip=T, after_hours=T)

card("p9-c17", "label-colon-chinese-name-mixed-language",
"""Customer: 王芳 (Wang Fang)
Email: wangfang@163.com
Order: 2026030512345
Reason: 退款未到账 / refund not received
Sentiment: frustrated
Priority: high""",
    emails=["wangfang@163.com"], order_numbers=["2026030512345"], sentiment="frustrated",
    priority="high", vip=F, after_hours=F)

card("p9-c18", "bilingual-labels-cyrillic-name-numero-sign",
"""Клиент / Customer: Ольга Смирнова
Email: olga.smirnova@yandex.ru
Заказ / Order: №RU-448120
Причина / Reason: Wrong colour delivered (ordered graphite, got beige)
Sentiment: neutral""",
    customer_name="Ольга Смирнова", first_name="Ольга", emails=["olga.smirnova@yandex.ru"],
    order_numbers=["RU-448120"], sentiment="neutral", priority=None, vip=F, after_hours=F)

card("p9-c19", "label-colon-greek-name",
"""Customer: Νίκος Παπαδόπουλος
Email: nikos.pap@otenet.gr
Order ref: GR-10293-A
Escalation reason: Package held at customs
Sentiment: Annoyed
Priority: Normal""",
    customer_name="Νίκος Παπαδόπουλος", first_name="Νίκος", emails=["nikos.pap@otenet.gr"],
    order_numbers=["GR-10293-A"], escalation_reason="Package held at customs", sentiment="annoyed",
    priority="normal", vip=F, after_hours=F)

card("p9-c20", "surname-first-caps-particle-title-platinum",
"""VAN DER MEER, Anneke (Mrs)
Account: Platinum Rewards
Booking: #HT55-0917
Reason: Room downgraded on arrival
Sentiment: Angry
Priority: High""",
    first_name="Anneke", account="Platinum Rewards", order_numbers=["HT55-0917"], emails=[],
    escalation_reason="Room downgraded on arrival", sentiment="angry", priority="high",
    vip=T, after_hours=F)

card("p9-c21", "case-header-no-name-no-order",
"""Case 00482213 — escalated by virtual agent
Subject: Cannot log in after 2FA phone change
Account email: r.k.sharma@hotmail.com
Account ID: ACC-771203
Phone on file: +91 98200 11223
Sentiment: Frustrated
Priority: High""",
    customer_name=None, first_name=None, emails=["r.k.sharma@hotmail.com"], order_numbers=[],
    sentiment="frustrated", priority="high", vip=F, after_hours=F)

card("p9-c22", "label-colon-policy-claim",
"""Policyholder: Tomasz Wiśniewski
Policy: HOME-PL-448812
Claim: CLM-2026-03317
Email: t.wisniewski@onet.pl
Escalation reason: Claim payout delayed
Sentiment: Frustrated
Priority: Normal""",
    customer_name="Tomasz Wiśniewski", first_name="Tomasz", emails=["t.wisniewski@onet.pl"],
    escalation_reason="Claim payout delayed", sentiment="frustrated", priority="normal",
    vip=F, after_hours=F)

card("p9-c23", "label-colon-tracking-single-name",
"""Order: 7734019
Tracking: 1Z999AA10123456784 (UPS)
Customer: Bongani
Email: bongani.m@webmail.co.za
Issue: Tracking hasn't updated in 6 days
Sentiment: worried""",
    customer_name="Bongani", first_name="Bongani", emails=["bongani.m@webmail.co.za"],
    issue="Tracking hasn't updated in 6 days", sentiment="worried", priority=None,
    vip=F, after_hours=F)

card("p9-c24", "label-colon-ticket-invoice-enterprise",
"""Ticket #: T-2026-0509
Invoice: 2026-INV-00981
Customer: Rahul Mehta
Company: Mehta Logistics Pvt Ltd
Plan: Enterprise
Reason: Invoice sent to old billing address
Sentiment: neutral
Priority: high""",
    customer_name="Rahul Mehta", first_name="Rahul", order_numbers=["2026-INV-00981"], emails=[],
    account="Enterprise", escalation_reason="Invoice sent to old billing address",
    sentiment="neutral", priority="high", vip=T, after_hours=F)

card("p9-c25", "airline-pnr-surname-slash-first",
"""Passenger: ADEYEMI/FOLASADE MRS
PNR / Booking ref: K9XZ2T
Flight: LH 901 FRA–LHR, 08 Mar
Email: folasade.adeyemi@gmail.com
Reason: Seat paid for but not assigned
Mood: frustrated""",
    order_numbers=["K9XZ2T"], emails=["folasade.adeyemi@gmail.com"],
    escalation_reason="Seat paid for but not assigned", sentiment="frustrated", priority=None,
    vip=F, after_hours=F)

card("p9-c26", "reservation-number-with-spaces-italian",
"""Guest: Chiara Rossi
Reservation no.: 402 118 7731
Check-in: 20 Mar 2026 · 3 nights
Channel: WhatsApp → AI concierge
Richiesta / Request: cambio date (change of dates) to 22–25 Mar
Sentiment: neutral""",
    customer_name="Chiara Rossi", first_name="Chiara", order_numbers=["402 118 7731"], emails=[],
    sentiment="neutral", priority=None, vip=F, after_hours=F)

card("p9-c27", "label-colon-mx-title-leading-zeros",
"""Customer: Mx. Jordan Avery-Lee
Email: jordan.averylee@fastmail.com
Order No: #0000912
Plan: Starter
Escalation reason: Subscription box skipped without consent
Sentiment: Irritated
Priority: Low""",
    first_name="Jordan", emails=["jordan.averylee@fastmail.com"], order_numbers=["0000912"],
    account="Starter", escalation_reason="Subscription box skipped without consent",
    sentiment="irritated", priority="low", vip=F, after_hours=F)

card("p9-c28", "booking-ref-and-confirmation-prof-dr",
"""Guest: Prof. Dr. Klaus-Dieter Hoffmann
Booking Ref: HB-0193-7731
Confirmation no.: 88412093
Email: kd.hoffmann@uni-heidelberg.de
Escalation reason: Charged the non-refundable rate instead of flexible
Sentiment: Annoyed
Priority: Normal""",
    first_name="Klaus-Dieter", order_numbers=["HB-0193-7731", "88412093"],
    emails=["kd.hoffmann@uni-heidelberg.de"],
    escalation_reason="Charged the non-refundable rate instead of flexible",
    sentiment="annoyed", priority="normal", vip=F, after_hours=F)

card("p9-c29", "bilingual-german-english",
"""Kunde / Customer: Jürgen Weiß
E-Mail: j.weiss@t-online.de
Bestellnummer (order no.): DE-7781-22
Grund / Reason: Lieferung beschädigt (delivery damaged)
Stimmung / Sentiment: verärgert (angry)
Priorität / Priority: Hoch (high)""",
    customer_name="Jürgen Weiß", first_name="Jürgen", emails=["j.weiss@t-online.de"],
    order_numbers=["DE-7781-22"], vip=F, after_hours=F)

card("p9-c30", "spanish-labels-compound-name",
"""Cliente: María José García López
Correo: mariajose.garcia@telefonica.es
Pedido: #MX-55012
Motivo: Cobro duplicado (duplicate charge)
Sentiment: Frustrated
Priority: High""",
    customer_name="María José García López", emails=["mariajose.garcia@telefonica.es"],
    order_numbers=["MX-55012"], sentiment="frustrated", priority="high", vip=F, after_hours=F)

card("p9-c31", "french-english-prose",
"""Escalade du bot : Mme Camille Dubois (camille.dubois@laposte.net) — commande n° 4410-FR-82. The customer says the wool coat she received is a size 42 instead of 38; the bot offered a return, but she wants an exchange before Friday. Priority: normal.""",
    first_name="Camille", emails=["camille.dubois@laposte.net"], order_numbers=["4410-FR-82"],
    priority="normal", vip=F, after_hours=F)

card("p9-c32", "double-line-box-two-columns",
"""╔══════════════════╦═══════════════════════════╗
║ Customer         ║ Dr Samuel Osei            ║
║ Email            ║ s.osei@korlebu.gh         ║
║ Account          ║ Clinic Plus (3 seats)     ║
║ Order            ║ CL-2290-17                ║
║ Reason           ║ Seats not activated       ║
║ Sentiment        ║ Frustrated                ║
║ Priority         ║ High                      ║
╚══════════════════╩═══════════════════════════╝""",
    first_name="Samuel", emails=["s.osei@korlebu.gh"], account="Clinic Plus (3 seats)",
    order_numbers=["CL-2290-17"], escalation_reason="Seats not activated", sentiment="frustrated",
    priority="high", vip=F, after_hours=F)

card("p9-c33", "markdown-table-section-rows-several-orders",
"""| **Contact** | |
|---|---|
| Name | Sofía Álvarez |
| Email | sofia.alvarez@icloud.com |
| **Orders** | |
| #10021 | delivered |
| #10058 | delivered, 1 item missing (wireless mouse) |
| **Bot summary** | |
| Customer received order #10058 without the wireless mouse. Bot checked the packing list; the mouse was packed. Customer asks for it to be re-sent. | |""",
    customer_name="Sofía Álvarez", first_name="Sofía", emails=["sofia.alvarez@icloud.com"],
    order_numbers=["10021", "10058"], priority=None, vip=F, after_hours=F)

card("p9-c34", "tab-separated-order-with-spaces",
"""Customer\tKateřina Nováková
Email\tkaterina.novakova@seznam.cz
Order\tCZ 5510 2291
Reason\tDelivered to a parcel locker that is out of service
Sentiment\tFrustrated
Priority\tNormal""",
    customer_name="Kateřina Nováková", first_name="Kateřina", emails=["katerina.novakova@seznam.cz"],
    order_numbers=["CZ 5510 2291"], escalation_reason="Delivered to a parcel locker that is out of service",
    sentiment="frustrated", priority="normal", vip=F, after_hours=F)

card("p9-c35", "zendesk-json-vip-tag",
"""{"ticket":{"id":88123,"subject":"Handoff: subscription cancelled by mistake","requester":{"name":"Aroha Ngata","email":"aroha.ngata@xtra.co.nz"},"tags":["bot_handoff","vip","billing"],"priority":"high","custom_fields":[{"name":"Plan","value":"Family (annual)"},{"name":"Sentiment","value":"upset"},{"name":"AI attempts","value":"2"}],"description":"Customer's Family plan was cancelled after a failed card payment. Bot couldn't reinstate it. Customer wants it restored without losing her kids' profiles."}}""",
    customer_name="Aroha Ngata", first_name="Aroha", emails=["aroha.ngata@xtra.co.nz"],
    order_numbers=[], priority="high", sentiment="upset", account="Family (annual)", ai_attempts=2,
    vip=T, after_hours=F)

card("p9-c36", "yaml-orders-list-after-hours",
"""customer:
  full_name: "O'Sullivan, Niamh"
  contact:
    email: niamh.osullivan@eircom.net
    phone: "+353 87 555 0142"
orders:
  - id: IE-4471
    status: refunded
  - id: IE-4502
    status: delivered
    note: "wrong colour (navy instead of green)"
bot:
  attempts: 1
  summary: Customer wants to exchange IE-4502 for the green version.
sentiment: neutral
priority: normal
after_hours: true""",
    first_name="Niamh", emails=["niamh.osullivan@eircom.net"], order_numbers=["IE-4471", "IE-4502"],
    ai_attempts=1, sentiment="neutral", priority="normal", vip=F, after_hours=T)

card("p9-c37", "logfmt-no-name-overnight",
"""ts=2026-03-08T03:12:44Z event=handoff queue=overnight staffed=false customer=null email=guest-7731@relay.shopmail.com order_id=#A-55102 reason="parcel damaged" sentiment=upset priority=normal ai_attempts=1""",
    customer_name=None, first_name=None, emails=["guest-7731@relay.shopmail.com"],
    order_numbers=["A-55102"], escalation_reason="parcel damaged", sentiment="upset",
    priority="normal", ai_attempts=1, vip=F, after_hours=T)

card("p9-c38", "forwarded-email-prose-body",
"""Fwd: Your chat with Kestrel Assistant
From: Kestrel Assistant <noreply@kestrel.io>
Sent: Friday, March 6, 2026 9:15 AM
To: support-escalations@kestrel.io
Subject: Escalation – Mr. Abdullahi Musa – Reservation R-2026-4419

Hello team,
Mr. Abdullahi Musa (abdullahi.musa@gmail.com) needs his reservation R-2026-4419 moved from 12 to 19 March. The bot can't change prepaid rates. He was polite but said he's "running out of patience".

Priority: normal""",
    first_name="Abdullahi", order_numbers=["R-2026-4419"], priority="normal", vip=F, after_hours=F)

card("p9-c39", "teams-en-dash-labels",
"""Escalation Bot (via Workflows)
@Tier 2 Support a customer needs you
Customer – Ji-woo Park
Contact – jiwoo.park@naver.com
Order – KR_2026_00917
Issue – App charges in USD instead of KRW
Sentiment – Frustrated 😤
Priority – Medium
Escalated after 2 AI attempts""",
    customer_name="Ji-woo Park", first_name="Ji-woo", emails=["jiwoo.park@naver.com"],
    order_numbers=["KR_2026_00917"], issue="App charges in USD instead of KRW",
    sentiment="frustrated", priority="medium", vip=F, after_hours=F)

card("p9-c40", "crm-sidebar-vip-dotted",
"""★ VIP CUSTOMER
Contact
  Name ........ Isabella Rossi-Conti
  Email ....... isabella@rossiconti.it
  Tier ........ Premier
Order
  Order # ..... RC-7781
  Value ....... €2,450.00
Bot summary
  Custom sofa delivered in the wrong fabric. Bot logged a complaint. Customer expects a same-week replacement.
Sentiment: Furious
Priority: Urgent""",
    customer_name="Isabella Rossi-Conti", first_name="Isabella", emails=["isabella@rossiconti.it"],
    account="Premier", order_numbers=["RC-7781"], sentiment="furious", priority="urgent",
    vip=T, after_hours=F)

card("p9-c41", "label-colon-ticket-no-order",
"""Ticket: #SUP-44120
Customer: Emeka Obi
Email: emeka.obi@gmail.com
Account: Basic
Reason: Wants to know why his account was suspended
Sentiment: Angry
Priority: Normal""",
    customer_name="Emeka Obi", first_name="Emeka", emails=["emeka.obi@gmail.com"], account="Basic",
    order_numbers=[], escalation_reason="Wants to know why his account was suspended",
    sentiment="angry", priority="normal", vip=F, after_hours=F)

card("p9-c42", "prose-invoice-and-order",
"""Hannah Schmidt (hannah.s@gmx.de) received invoice RE-2026-118 for order no. 55-1098 but was charged for 3 licences instead of 2. She wants the extra licence refunded. Sentiment: calm. Priority: low.""",
    customer_name="Hannah Schmidt", first_name="Hannah", emails=["hannah.s@gmx.de"],
    order_numbers=["RE-2026-118", "55-1098"], sentiment="calm", priority="low", vip=F, after_hours=F)

card("p9-c43", "plain-two-pairs-per-line-order-table",
"""Customer: Thandiwe Dlamini        Email: thandi.dlamini@mweb.co.za
Plan: Pro (annual)                Sentiment: frustrated

Order       Date      Status
ZA-1101     01 Mar    Delivered
ZA-1188     04 Mar    Lost in transit
ZA-1190     04 Mar    Delivered

AI summary: Customer says ZA-1188 never arrived; the courier marked it lost. Wants a refund for ZA-1188 only.""",
    customer_name="Thandiwe Dlamini", first_name="Thandiwe", emails=["thandi.dlamini@mweb.co.za"],
    account="Pro (annual)", sentiment="frustrated", order_numbers=["ZA-1101", "ZA-1188", "ZA-1190"],
    summary="Customer says ZA-1188 never arrived; the courier marked it lost. Wants a refund for ZA-1188 only.",
    priority=None, vip=F, after_hours=F)

card("p9-c44", "slack-bullets-after-hours-guest",
"""Escalation Bot  APP  9:12 PM
Heads up — after-hours handoff (office closed). Ticket created for the morning shift.
• Customer: _unknown (guest)_
• Order: 3318-77-201
• Issue: Gift card balance shows $0 after a partial redemption
• Sentiment: confused""",
    customer_name=None, first_name=None, order_numbers=["3318-77-201"], emails=[],
    issue="Gift card balance shows $0 after a partial redemption", sentiment="confused",
    priority=None, vip=F, after_hours=T)

card("p9-c45", "markdown-headings-bullets-po",
"""## Contact
- **Name:** Dr. Priyanka Chatterjee
- **Email:** p.chatterjee@aiims.edu
## Order
- **Order ID:** `AIIMS-PO-7781`
- **Items:** 2× lab centrifuge
## Bot summary
One centrifuge arrived with a cracked lid. The bot logged a damage report. Customer wants a replacement lid shipped before Monday.

**Priority:** High · **Sentiment:** Neutral""",
    first_name="Priyanka", emails=["p.chatterjee@aiims.edu"], order_numbers=["AIIMS-PO-7781"],
    priority="high", sentiment="neutral", vip=F, after_hours=F)

card("p9-c46", "intercom-note-emoji-single-name",
"""Note from Fin (AI agent) · 10:32
Handing over to the team.
👤 Suharti · suharti@telkom.net
🧾 Order 88-2031-ID
💬 Wants delivery changed to her office address in Surabaya; bot can't edit shipped orders.
🙂 Sentiment: neutral""",
    customer_name="Suharti", first_name="Suharti",
    emails=["suharti@telkom.net"], order_numbers=["88-2031-ID"], sentiment="neutral",
    priority=None, vip=F, after_hours=F)

card("p9-c47", "html-dl-hungarian-name-order",
"""<dl class="handoff-card">
  <dt>Ügyfél / Customer</dt><dd>Nagy Eszter</dd>
  <dt>Email</dt><dd>nagy.eszter@citromail.hu</dd>
  <dt>Rendelés / Order</dt><dd>HU-2026-7712</dd>
  <dt>Reason</dt><dd>Courier left parcel at wrong address</dd>
  <dt>Sentiment</dt><dd>Upset</dd>
</dl>""",
    customer_name="Nagy Eszter", emails=["nagy.eszter@citromail.hu"], order_numbers=["HU-2026-7712"],
    escalation_reason="Courier left parcel at wrong address", sentiment="upset", priority=None,
    vip=F, after_hours=F)

card("p9-c48", "plain-aligned-japanese-name",
"""お客様 / Customer   山田 花子
Email              hanako.yamada@docomo.ne.jp
Order              JP-55-00821
Reason             Duplicate subscription charge
Sentiment          Neutral
Priority           Normal""",
    customer_name="山田 花子", emails=["hanako.yamada@docomo.ne.jp"], order_numbers=["JP-55-00821"],
    escalation_reason="Duplicate subscription charge", sentiment="neutral", priority="normal",
    vip=F, after_hours=F)

card("p9-c49", "markdown-table-arabic-name",
"""| Customer | محمد العلي |
|---|---|
| Email | m.alali@outlook.sa |
| Order | SA-66120 |
| Reason | Installation visit missed twice |
| Sentiment | Angry |
| Priority | High |""",
    customer_name="محمد العلي", emails=["m.alali@outlook.sa"], order_numbers=["SA-66120"],
    escalation_reason="Installation visit missed twice", sentiment="angry", priority="high",
    vip=F, after_hours=F)

card("p9-c50", "chat-widget-header-lowercase-name",
"""[Escalated from chat] customer: jamie o'neil | email: jamie.oneil@gmail.com | order: #US-31-7720 | sentiment: frustrated | priority: normal
Bot note: jamie's replacement headphones were sent to the old address. Wants them redirected.""",
    customer_name="jamie o'neil", emails=["jamie.oneil@gmail.com"], order_numbers=["US-31-7720"],
    sentiment="frustrated", priority="normal", vip=F, after_hours=F)

card("p9-c51", "label-colon-invoice-slashes-sla-priority",
"""Customer: Olumide Bakare
Email: olumide@bakare-consult.ng
Invoice #: 2026/INV/0042
Account: Growth plan
Escalation reason: Charged in USD instead of NGN
Priority: P2 (4h SLA)
Sentiment: Annoyed""",
    customer_name="Olumide Bakare", first_name="Olumide", emails=["olumide@bakare-consult.ng"],
    order_numbers=["2026/INV/0042"], account="Growth plan",
    escalation_reason="Charged in USD instead of NGN", sentiment="annoyed", vip=F, after_hours=F)

card("p9-c52", "json-recent-orders-array",
"""{"contact": {"display_name": "Beatriz Costa", "email": "bia.costa@uol.com.br", "locale": "pt-BR"},
 "recent_orders": [
   {"order_no": "BR-7700", "placed": "2026-01-14", "status": "refunded"},
   {"order_no": "BR-8112", "placed": "2026-02-20", "status": "delivered"},
   {"order_no": "BR-8290", "placed": "2026-03-01", "status": "delivered", "flag": "item_defective"}
 ],
 "bot": {"attempts": 2, "summary": "Blender from BR-8290 stops after 10 seconds. Customer wants a replacement, not a refund."},
 "sentiment": "frustrated", "priority": "normal"}""",
    customer_name="Beatriz Costa", first_name="Beatriz", emails=["bia.costa@uol.com.br"],
    order_numbers=["BR-7700", "BR-8112", "BR-8290"], ai_attempts=2, sentiment="frustrated",
    priority="normal", vip=F, after_hours=F)

card("p9-c53", "forwarded-customer-email",
"""Fwd: order never arrived!!
From: Lena Fischer <lena.fischer@posteo.de>
To: hello@nordlicht-shop.de
Date: Mon, 9 Mar 2026 14:05

Hi, I ordered the desk lamp two weeks ago (order 4455-DE) and it still hasn't arrived. The chatbot just keeps sending me the tracking link. I want a refund.

-- forwarded by the assistant: sentiment annoyed, priority normal""",
    customer_name="Lena Fischer", first_name="Lena", order_numbers=["4455-DE"], priority="normal",
    sentiment="annoyed", vip=F, after_hours=F)

card("p9-c54", "crm-sidebar-subscription-no-order",
"""Contact
Name: Wiremu Tane
Email: wiremu.tane@gmail.com
Phone: 021 555 0199

Subscription
Plan: Team (5 seats, billed monthly)
Renewal: 1 April 2026

Bot summary
Wiremu was charged for 5 seats after removing two users last week. Bot explained proration; he wants the March charge corrected.
Priority: Low""",
    customer_name="Wiremu Tane", first_name="Wiremu", emails=["wiremu.tane@gmail.com"],
    account="Team (5 seats, billed monthly)", order_numbers=[], priority="low", vip=F, after_hours=F)

card("p9-c55", "plain-aligned-ticket-order-rma",
"""Ticket        TCK-90211
Customer      Aleksander Nowak
Email         a.nowak@interia.pl
Order         PL-33019
RMA           RMA-55120
Reason        Refund for returned drill not received
Sentiment     Frustrated
Priority      High""",
    customer_name="Aleksander Nowak", first_name="Aleksander", emails=["a.nowak@interia.pl"],
    escalation_reason="Refund for returned drill not received", sentiment="frustrated",
    priority="high", vip=F, after_hours=F)

card("p9-c56", "out-of-hours-irish-name",
"""🌙 Out of hours (OOH) handoff — no agents online, ticket created by the assistant at 21:48
Customer: Seán Ó Briain
Email: sean.obriain@eircom.net
Booking: CAR-20931 (car hire, Dublin Airport, 14–21 Mar)
Issue: Deposit taken twice
Sentiment: Frustrated""",
    customer_name="Seán Ó Briain", first_name="Seán", emails=["sean.obriain@eircom.net"],
    order_numbers=["CAR-20931"], issue="Deposit taken twice", sentiment="frustrated",
    priority=None, vip=F, after_hours=T)

card("p9-c57", "emoji-sentiment-bang-priority",
"""ESCALATION
Customer: Diego Ramírez
Order: #MX-20-7781
Sentiment: 😡😡😡 (very angry — used caps and swore twice)
Priority: !!! URGENT !!!
Summary: Diego's wedding suit arrived after the wedding. Bot offered a 10% voucher; he wants a full refund.""",
    customer_name="Diego Ramírez", first_name="Diego", order_numbers=["MX-20-7781"], emails=[],
    vip=F, after_hours=F)

card("p9-c58", "label-colon-mood-caps",
"""Customer: Rania Haddad
Email: rania.haddad@gmail.com
Order: LB-2209
Customer mood: irritated (typing in ALL CAPS)
Priority: normal
Summary: Rania's order was split into two deliveries and she was charged shipping twice.""",
    customer_name="Rania Haddad", first_name="Rania", emails=["rania.haddad@gmail.com"],
    order_numbers=["LB-2209"], sentiment="irritated", priority="normal", vip=F, after_hours=F)

card("p9-c59", "sentiment-score-caps-priority",
"""Customer: Yusuf Demir
Email: yusuf.demir@gmail.com
Order: TR-5501-77
Sentiment score: -0.64 (negative)
PRIORITY: HIGH
Escalation reason: Warranty repair returned unrepaired""",
    customer_name="Yusuf Demir", first_name="Yusuf", emails=["yusuf.demir@gmail.com"],
    order_numbers=["TR-5501-77"], priority="high",
    escalation_reason="Warranty repair returned unrepaired", vip=F, after_hours=F)

card("p9-c60", "order-ref-and-confirmation-hash",
"""Customer: Leilani Kahale
Email: leilani.k@hawaii.rr.com
Order ref: SO-2026-03-000781
Confirmation #: 4Q7-ZP2
Escalation reason: Surfboard delivered with a cracked fin box
Sentiment: Upset
Priority: Normal""",
    customer_name="Leilani Kahale", first_name="Leilani", emails=["leilani.k@hawaii.rr.com"],
    order_numbers=["SO-2026-03-000781", "4Q7-ZP2"],
    escalation_reason="Surfboard delivered with a cracked fin box", sentiment="upset",
    priority="normal", vip=F, after_hours=F)

card("p9-c61", "two-emails-apostrophe-surname-first",
"""Customer: D'Angelo, Marco
Email: marco.dangelo@libero.it
Alt. email: m.dangelo@studiodangelo.it
Order: IT-40-1193
Escalation reason: Invoice needs company VAT details
Sentiment: Neutral
Priority: Low""",
    first_name="Marco", emails=["marco.dangelo@libero.it", "m.dangelo@studiodangelo.it"],
    order_numbers=["IT-40-1193"], escalation_reason="Invoice needs company VAT details",
    sentiment="neutral", priority="low", vip=F, after_hours=F)

card("p9-c62", "no-name-email-looks-like-name",
"""Customer: (not provided)
Email: aisha.bello@outlook.com
Order: NG-3390
Reason: Wrong size delivered
Sentiment: Calm
Priority: Normal""",
    customer_name=None, first_name=None, emails=["aisha.bello@outlook.com"], order_numbers=["NG-3390"],
    escalation_reason="Wrong size delivered", sentiment="calm", priority="normal", vip=F, after_hours=F)

card("p9-c63", "teams-plain-prose-priority-escalation-enterprise",
"""Escalation Bot
⚠️ Priority escalation — key enterprise account
Customer: Astrid Lindqvist (Nordvik Shipping AB)
Tier: Enterprise
Email: astrid.lindqvist@nordvik.se
Issue: SSO login broken for all 240 users since this morning
Sentiment: Anxious""",
    emails=["astrid.lindqvist@nordvik.se"], order_numbers=[], first_name="Astrid",
    account="Enterprise", issue="SSO login broken for all 240 users since this morning",
    sentiment="anxious", vip=T, after_hours=F)

card("p9-c64", "yaml-bookings-list",
"""customer: Chukwuemeka Eze-Nwosu
email: emeka.eze@yahoo.com
bookings:
  - ref: CR-5512
    pickup: Lagos, 2 Mar
    status: completed
  - ref: CR-5540
    pickup: Abuja, 9 Mar
    status: cancelled by branch
reason: Refund for CR-5540 not received
sentiment: frustrated
priority: high""",
    customer_name="Chukwuemeka Eze-Nwosu", first_name="Chukwuemeka", emails=["emeka.eze@yahoo.com"],
    order_numbers=["CR-5512", "CR-5540"], escalation_reason="Refund for CR-5540 not received",
    sentiment="frustrated", priority="high", vip=F, after_hours=F)

card("p9-c65", "key-pipe-value-no-header",
"""Name | Zoë de Vries
Email | zoe.devries@kpnmail.nl
Order | NL-8812-0
Reason | Coffee machine leaks after descaling
Sentiment | Annoyed
Priority | Normal""",
    customer_name="Zoë de Vries", first_name="Zoë", emails=["zoe.devries@kpnmail.nl"],
    order_numbers=["NL-8812-0"], escalation_reason="Coffee machine leaks after descaling",
    sentiment="annoyed", priority="normal", vip=F, after_hours=F)

card("p9-c66", "html-table-nested-sections-entities",
"""<table class="escalation">
  <tr><th colspan="2">Contact</th></tr>
  <tr><td>Name</td><td>Siobhan O&#39;Reilly-Byrne</td></tr>
  <tr><td>Email</td><td>siobhan.orb@gmail.com</td></tr>
  <tr><th colspan="2">Order</th></tr>
  <tr><td>Order #</td><td>#IE&#8209;7731</td></tr>
  <tr><th colspan="2">Bot summary</th></tr>
  <tr><td colspan="2">Kettle &amp; toaster bundle: toaster missing. Bot confirmed it was out of stock at dispatch. Customer wants the toaster or a partial refund.</td></tr>
  <tr><td>Sentiment</td><td>Annoyed</td></tr>
</table>""",
    customer_name="Siobhan O'Reilly-Byrne", first_name="Siobhan", emails=["siobhan.orb@gmail.com"],
    sentiment="annoyed", priority=None, vip=F, after_hours=F)

card("p9-c67", "plain-aligned-segment-vip",
"""Customer       Bartholomew Achterberg
Segment        VIP ★
Email          b.achterberg@achterberg.nl
Order          AB-99-1207
Reason         Watch strap broke within a week
Sentiment      Calm""",
    customer_name="Bartholomew Achterberg", first_name="Bartholomew", emails=["b.achterberg@achterberg.nl"],
    order_numbers=["AB-99-1207"], escalation_reason="Watch strap broke within a week",
    sentiment="calm", priority=None, vip=T, after_hours=F)

card("p9-c68", "label-colon-premium-urgent-not-vip",
"""Customer: Valentina Greco
Plan: Premium
Email: vale.greco@gmail.com
Order: IT-2026-55190
Priority: Urgent
Sentiment: Angry
Escalation reason: Espresso machine delivered without the portafilter""",
    customer_name="Valentina Greco", first_name="Valentina", account="Premium", emails=["vale.greco@gmail.com"],
    order_numbers=["IT-2026-55190"], priority="urgent", sentiment="angry",
    escalation_reason="Espresso machine delivered without the portafilter", vip=F, after_hours=F)

card("p9-c69", "after-hours-created-sunday-no-agents",
"""Created: Sun 03:10 — no agents online (after hours). Bot created this ticket.
Customer: Aoife O'Connor-Walsh
Email: aoife.ocw@gmail.com
Order: IE-20-5501
Issue: Subscription renewed at the full price instead of the loyalty price
Sentiment: Annoyed""",
    customer_name="Aoife O'Connor-Walsh", first_name="Aoife", emails=["aoife.ocw@gmail.com"],
    order_numbers=["IE-20-5501"], issue="Subscription renewed at the full price instead of the loyalty price",
    sentiment="annoyed", priority=None, vip=F, after_hours=T)

card("p9-c70", "label-colon-phone-looks-like-order",
"""Customer: Thomas Müller
Phone: 0800 123 4567
Email: t.mueller@web.de
Order: 55-7781
Serial: SN-4471-XK
Escalation reason: Dishwasher error E24 after repair
Sentiment: Frustrated
Priority: Normal""",
    customer_name="Thomas Müller", first_name="Thomas", emails=["t.mueller@web.de"],
    order_numbers=["55-7781"], escalation_reason="Dishwasher error E24 after repair",
    sentiment="frustrated", priority="normal", vip=F, after_hours=F)

assert len(CARDS) == 70, len(CARDS)
assert len({c["id"] for c in CARDS}) == 70
