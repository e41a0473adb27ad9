# p9 conversations: details revealed mid-conversation by the customer or the bot.
# messages: (role, text, at)
CONVS = []


def conv(id, summary, messages, qa, metrics, note, must=None, context=None):
    CONVS.append(dict(id=id, summary=summary, messages=messages, qa=qa, metrics=metrics,
                      note=note, must=must or {}, context=context))


conv("p9-conv01",
"""HandoffBot  APP  3:02 PM
*New escalation*
*Customer:* Marisol Vega
*Reason:* Charged for a night she cancelled
*Sentiment:* frustrated
*Priority:* normal""",
[("customer", "Hi, I cancelled one night of my stay but I was still charged for it. Booking ref is HX-4410-MV.", "2026-03-16T15:00:00Z"),
 ("ai", "Thanks! I can see booking HX-4410-MV. Cancelled nights are refunded within 7 days.", "2026-03-16T15:00:03Z"),
 ("customer", "It's been 12 days. I want a person.", "2026-03-16T15:01:10Z"),
 ("ai", "Connecting you to our reservations team.", "2026-03-16T15:01:12Z"),
 ("agent", "Hi Marisol, I'm Pablo from Reservations. I understand how frustrating it is to be charged for a night you cancelled. Could you give me your booking reference so I can look at the charge?", "2026-03-16T15:01:52Z"),
 ("customer", "I literally gave it to the bot. HX-4410-MV.", "2026-03-16T15:02:30Z"),
 ("agent", "Thanks. I'm checking the folio now — about 2 minutes.", "2026-03-16T15:03:10Z"),
 ("agent", "Found it: the cancellation wasn't applied to the folio. I've refunded the night; you'll see it in 3–5 business days. Does that sort it out?", "2026-03-16T15:05:00Z"),
 ("customer", "Yes, thanks.", "2026-03-16T15:05:40Z")],
{"qa.used-name": True, "qa.referenced-ai": False, "qa.no-repeat-questions": False, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True},
{"repeat_questions": 1, "customer_repeated": True},
"The card has no booking reference; the customer gave it and the bot repeated it, so the agent's request is a repeat (6.4).",
must={"4": ["never-ask.order-number"]}, context={"order_numbers": ["HX-4410-MV"]})

conv("p9-conv02",
"""Contact
Name: Oskar Lindgren
Phone: +46 70 123 45 67

Order
Order #: SE-22019

Bot summary
Oskar's replacement router never shipped. Bot confirmed the replacement was approved on 2 March.
Sentiment: annoyed""",
[("customer", "My replacement router was approved on 2 March and still hasn't shipped. Order SE-22019.", "2026-03-17T09:10:00Z"),
 ("ai", "I can see the replacement for SE-22019 was approved. Let me connect you with someone who can check the warehouse.", "2026-03-17T09:10:02Z"),
 ("agent", "Hi Oskar, I'm Freja. I can see from your chat that the replacement router for SE-22019 was approved on 2 March but hasn't shipped, and I understand how annoying that is. I'm checking with the warehouse now — about 3 minutes. Which email should I send the tracking to?", "2026-03-17T09:10:40Z"),
 ("customer", "oskar.lindgren@telia.com", "2026-03-17T09:11:30Z"),
 ("agent", "Thanks. The warehouse had it on hold by mistake; it ships today by express.", "2026-03-17T09:14:00Z"),
 ("agent", "What's your email address, so I can send you the tracking link?", "2026-03-17T09:14:30Z"),
 ("customer", "I just gave it to you: oskar.lindgren@telia.com.", "2026-03-17T09:15:00Z"),
 ("agent", "Thanks, Oskar. The tracking link is on its way to oskar.lindgren@telia.com. Is there anything else I can help with?", "2026-03-17T09:15:40Z"),
 ("customer", "No, that's it.", "2026-03-17T09:16:00Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": False, "qa.set-expectations": True,
 "qa.narrated-actions": True},
{"repeat_questions": 1, "customer_repeated": True},
"The first request for the email (index 2) is fine: nobody knew it yet. The second (index 5) comes after the customer gave it (6.4). The closing 'anything else' is not a generic opener.",
must={"5": ["never-ask.known-detail"]})

conv("p9-conv03",
"""event=handoff customer="Imani Mwangi" email=imani.mwangi@gmail.com reason="wrong item" sentiment=upset priority=normal""",
[("customer", "I got a blue kettle instead of the white one I ordered.", "2026-03-10T12:00:00Z"),
 ("ai", "I'm sorry about that! I found your most recent order, #A-7731-C, with a white kettle. Would you like to start a return?", "2026-03-10T12:00:02Z"),
 ("customer", "I don't want to return it and wait. I want the right one sent now.", "2026-03-10T12:00:50Z"),
 ("ai", "I'll connect you with a colleague who can arrange that.", "2026-03-10T12:00:52Z"),
 ("agent", "Hi Imani, I'm Wanjiru. I've read your chat and I understand how upsetting it is to get the wrong colour. Which order is this about?", "2026-03-10T12:01:30Z"),
 ("customer", "The one your bot already found. A-7731-C.", "2026-03-10T12:02:05Z"),
 ("agent", "Thank you. I'm sending the white kettle out today by express and I'll email a return label for the blue one — give me 2 minutes to set it up.", "2026-03-10T12:02:40Z"),
 ("agent", "All done: the white kettle ships today and the return label is in your inbox. Does that work for you?", "2026-03-10T12:04:50Z"),
 ("customer", "Yes, perfect.", "2026-03-10T12:05:20Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": False, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True},
{"repeat_questions": 1, "customer_repeated": True},
"The bot revealed the order number (#A-7731-C) before the agent asked for it.",
must={"4": ["never-ask.order-number"]}, context={"order_numbers": ["A-7731-C"]})

conv("p9-conv04",
"""⏰ After-hours handoff — ticket created by the assistant at 22:40, no agents online
Customer: guest
Order ID: 66-1020-K
Issue: Double charged for one order
Sentiment: worried""",
[("customer", "I was charged twice for order 66-1020-K.", "2026-03-18T22:38:00Z"),
 ("ai", "I've created a ticket and a team member will follow up in the morning.", "2026-03-18T22:38:02Z"),
 ("customer", "Ok. I'm Farah by the way, Farah Siddiqui.", "2026-03-18T22:38:30Z"),
 ("ai", "Thanks, Farah! Your ticket is logged.", "2026-03-18T22:38:32Z"),
 ("agent", "Hi Farah, I'm Noor, following up on your chat from last night. I can see you were charged twice for order 66-1020-K. I'm checking the payment logs now — about 5 minutes.", "2026-03-19T08:05:00Z"),
 ("agent", "The second charge was only a pending authorisation; I've released it, so it will drop off your statement within 2 business days. Does that answer it?", "2026-03-19T08:09:30Z"),
 ("customer", "Yes, thank you Noor.", "2026-03-19T08:20:00Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": True, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True},
{"repeat_questions": 0, "customer_repeated": False},
"The customer gives her name mid-conversation; the agent uses it without asking. Overnight handoff: the last ai message is at 22:38:32.",
context={"first_name": "Farah"})

conv("p9-conv05",
"""| Field | Value |
|---|---|
| Customer | Tariq Al-Masri |
| Email | tariq.almasri@gmail.com |
| Order | #AE-5520 |
| Reason | TV arrived with cracked screen |
| Sentiment | Frustrated |
| Priority | High |""",
[("customer", "My TV arrived with a cracked screen. Order AE-5520.", "2026-03-19T10:00:00Z"),
 ("ai", "I can start a return for order AE-5520.", "2026-03-19T10:00:02Z"),
 ("customer", "I don't want a return, I want a new TV delivered and this one taken away.", "2026-03-19T10:00:40Z"),
 ("ai", "Let me get a colleague for you.", "2026-03-19T10:00:42Z"),
 ("agent", "Hi Tariq, I'm Lina. I've read your chat: the TV from order AE-5520 arrived with a cracked screen, and I understand how frustrating that is. I'm arranging a replacement and a collection now. Could you send a photo of the cracked screen for the courier's damage report? It takes about 3 minutes on my side.", "2026-03-19T10:01:10Z"),
 ("customer", "[photo] Here. Call me on 050 123 4567 when the driver is coming, I'm not always home.", "2026-03-19T10:02:30Z"),
 ("agent", "Got it, thanks. I'm booking the delivery and collection for Thursday now.", "2026-03-19T10:03:20Z"),
 ("agent", "All set: new TV and collection on Thursday between 9 and 12, and the driver will call 050 123 4567 an hour before. Does that work?", "2026-03-19T10:05:10Z"),
 ("customer", "Yes, great.", "2026-03-19T10:05:40Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": True, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True, "qa.tone-matched": True},
{"repeat_questions": 0, "customer_repeated": False, "context_utilization": 1.0},
"Asking for a photo is new information; the customer volunteers a phone number and the agent quotes it back without asking.")

conv("p9-conv06",
"""customer:
  name: Ingrid Haugen
  email: ingrid.haugen@online.no
order: NO-4471-B
issue: Coupon not applied to order
sentiment: annoyed
priority: low""",
[("customer", "My 20% coupon wasn't applied to order NO-4471-B.", "2026-03-20T11:00:00Z"),
 ("ai", "Coupons can't be applied after checkout. Would you like to talk to an agent?", "2026-03-20T11:00:02Z"),
 ("customer", "Yes.", "2026-03-20T11:00:20Z"),
 ("ai", "Connecting you now.", "2026-03-20T11:00:21.500Z"),
 ("agent", "Hi Ingrid, I'm Sindre. I can see from your chat that your 20% coupon wasn't applied to NO-4471-B, and I understand how annoying that is. I'll refund the difference — about 2 minutes. Just to confirm, should the receipt go to ingrid.haugen@online.no?", "2026-03-20T11:00:45Z"),
 ("customer", "Yes please.", "2026-03-20T11:01:05Z"),
 ("agent", "Done: I've refunded 20% to your card and the receipt is on its way to ingrid.haugen@online.no. Is that everything sorted?", "2026-03-20T11:03:00Z"),
 ("customer", "Yes, thanks.", "2026-03-20T11:03:20Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": True, "qa.set-expectations": True,
 "qa.confirmed-resolution": True, "qa.tone-matched": True},
{"repeat_questions": 0, "customer_repeated": False},
"Confirms the known email by quoting it: not a repeat question. Fractional handoff time.")

conv("p9-conv07",
"""Customer: Mateus Oliveira
Email: mateus.oli@gmail.com
Order: BR-99120
Reason: Sofa delivery missed
Sentiment: Frustrated
Priority: Normal""",
[("customer", "The sofa delivery for BR-99120 was supposed to be today and nobody came.", "2026-03-21T16:00:00Z"),
 ("ai", "I'll transfer you to our delivery team.", "2026-03-21T16:00:02Z"),
 ("agent", "Hi Mateus, I'm Carla from Deliveries. I can see your sofa for BR-99120 didn't turn up today, and I understand how frustrating that is. I'm calling the carrier now — give me 5 minutes. What phone number should the driver call you on?", "2026-03-21T16:00:32Z"),
 ("customer", "11 98765 4321", "2026-03-21T16:01:00Z"),
 ("agent", "Thanks. The carrier's truck broke down; they can deliver tomorrow between 8 and 12.", "2026-03-21T16:05:10Z"),
 ("customer", "Tomorrow morning is fine.", "2026-03-21T16:05:40Z"),
 ("agent", "Great. And what's the best phone number for the driver to reach you?", "2026-03-21T16:06:00Z"),
 ("customer", "As I said, 11 98765 4321.", "2026-03-21T16:06:20Z"),
 ("agent", "Thanks, Mateus. It's booked for tomorrow 8–12 and the driver will call that number. Does that work?", "2026-03-21T16:07:00Z"),
 ("customer", "Yes.", "2026-03-21T16:07:20Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": False, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True},
{"repeat_questions": 1, "customer_repeated": True},
"The first phone request (index 2) is new; the second (index 6) repeats a detail the customer gave in an earlier message (6.4).",
must={"6": ["never-ask.known-detail"]})

conv("p9-conv08",
"""{"customer": {"name": "Eun-ji Choi", "email": "eunji.choi@kakao.com"}, "orders": ["KR-3301", "KR-3315", "KR-3342"], "sentiment": "annoyed", "priority": "normal", "summary": "Customer says one of her recent orders arrived with a broken lens cap."}""",
[("customer", "The lens in my order KR-3315 came with a broken cap.", "2026-03-22T13:30:00Z"),
 ("ai", "I can offer a 10% voucher for the inconvenience.", "2026-03-22T13:30:02Z"),
 ("customer", "I want a new cap, not a voucher. Human please.", "2026-03-22T13:30:40Z"),
 ("ai", "Connecting you.", "2026-03-22T13:30:41Z"),
 ("agent", "Hi Eun-ji, I'm Minho. I've read your chat about the broken lens cap, and I understand how annoying that is. Which of your three recent orders was the lens in?", "2026-03-22T13:31:20Z"),
 ("customer", "KR-3315. I told the bot.", "2026-03-22T13:31:50Z"),
 ("agent", "Thanks. I'm sending a new cap by courier now — it'll take me 2 minutes to book.", "2026-03-22T13:32:30Z"),
 ("agent", "Booked: the new cap arrives Wednesday. Does that solve it?", "2026-03-22T13:34:40Z"),
 ("customer", "Yes.", "2026-03-22T13:35:00Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": False, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True},
{"repeat_questions": 1, "customer_repeated": True},
"Several orders on the card; the customer told the bot which one. Asking 'which order' repeats it.",
must={"4": ["never-ask.order-number"]})

conv("p9-conv09",
"""🌙 Out of hours — ticket created by the assistant at 01:12, no agents online
Order: UK-77120
Issue: Wrong delivery address on order
Sentiment: anxious""",
[("customer", "Hi, I'm Harriet Cole. I put the wrong address on order UK-77120, it's going to my old flat. It should go to 22 Elm Street, Leeds.", "2026-03-23T01:10:00Z"),
 ("ai", "Thanks, Harriet. Our team is offline right now, so I've created a ticket and someone will follow up in the morning.", "2026-03-23T01:10:03Z"),
 ("agent", "Good morning, I'm Will from Deliveries, following up on your chat from last night about order UK-77120 going to your old flat. Could I take your name, please? I'll contact the courier straight after — about 5 minutes.", "2026-03-23T08:30:00Z"),
 ("customer", "It's Harriet Cole, I gave it last night.", "2026-03-23T08:41:00Z"),
 ("agent", "Thanks, Harriet. I'm on with the courier now.", "2026-03-23T08:42:00Z"),
 ("agent", "Done: the courier will deliver to 22 Elm Street instead, tomorrow. Does that sound right?", "2026-03-23T08:46:30Z"),
 ("customer", "Yes, thank you.", "2026-03-23T08:47:00Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": False, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True},
{"repeat_questions": 1, "customer_repeated": True},
"The card has no name, but the customer gave it to the bot (and the bot used it) before the agent asked (6.4).",
must={"2": ["never-ask.known-detail"]}, context={"first_name": "Harriet"})

conv("p9-conv10",
"""Fwd: escalation
From: Assistant <bot@homely.io>
Subject: Handoff – Priya Nair – Order HM-3302

Customer: Priya Nair
Order: HM-3302
Summary: Washing machine installer didn't connect the drain hose; kitchen flooded. Customer wants an engineer visit today.
Sentiment: Angry
Priority: Urgent""",
[("customer", "Your installer didn't connect the drain hose and my kitchen flooded!", "2026-03-24T09:00:00Z"),
 ("ai", "I can book an engineer visit in 5–7 days.", "2026-03-24T09:00:02Z"),
 ("customer", "5-7 DAYS? I need someone today. Human now.", "2026-03-24T09:00:30Z"),
 ("ai", "Transferring you.", "2026-03-24T09:00:31Z"),
 ("agent", "Hi Priya, I'm Sam. Could you walk me through what happened from the start?", "2026-03-24T09:01:15Z"),
 ("customer", "I ALREADY told the bot. The installer didn't connect the drain hose and my kitchen flooded.", "2026-03-24T09:01:50Z"),
 ("agent", "I understand how stressful that is. I'm booking an emergency engineer for today now — give me 5 minutes.", "2026-03-24T09:02:30Z"),
 ("agent", "An engineer will be with you between 2 and 4pm today. Does that work?", "2026-03-24T09:06:40Z"),
 ("customer", "Yes. Finally.", "2026-03-24T09:07:00Z")],
{"qa.used-name": True, "qa.referenced-ai": False, "qa.no-repeat-questions": False, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True},
{"repeat_questions": 1, "customer_repeated": True},
"Explain-again in the first message; the customer restates. Forwarded-email card.",
must={"4": ["never-ask.explain-again"]})

conv("p9-conv11",
"""Customer: Karim Benali
Account: Pro (monthly)
Reason: Charged after cancelling
Sentiment: frustrated
Priority: normal""",
[("customer", "I cancelled in February but invoice FR-INV-20931 charged me again in March.", "2026-03-25T14:00:00Z"),
 ("ai", "I can see your subscription was cancelled on 27 February. Refunds after cancellation need a team member.", "2026-03-25T14:00:02Z"),
 ("customer", "Then get me one.", "2026-03-25T14:00:30Z"),
 ("ai", "Connecting you.", "2026-03-25T14:00:31Z"),
 ("agent", "Hi Karim, I'm Inès. I can see from your chat that invoice FR-INV-20931 charged you in March after you cancelled in February, and I understand how frustrating that is. I'm refunding it now — about 3 minutes.", "2026-03-25T14:01:01Z"),
 ("agent", "Done: FR-INV-20931 is refunded in full and you'll see it in 3–5 business days. Does that settle it?", "2026-03-25T14:03:40Z"),
 ("customer", "Yes, thanks.", "2026-03-25T14:04:00Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": True, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True, "qa.tone-matched": True},
{"repeat_questions": 0, "customer_repeated": False},
"The invoice number (an order number, 6.3) exists only in the transcript; the agent quotes it back.",
context={"order_numbers": ["FR-INV-20931"]})

conv("p9-conv12",
"""CONTACT
Name: Zanele Khumalo
Email: zanele.k@gmail.com

ORDER
Order #: ZA-55091

BOT SUMMARY
Fridge delivered with a dented door. Customer wants a replacement, not a discount.
Sentiment: upset""",
[("customer", "My new fridge has a big dent in the door. Order ZA-55091.", "2026-03-26T10:00:00Z"),
 ("ai", "I can offer a 15% discount for cosmetic damage.", "2026-03-26T10:00:02Z"),
 ("customer", "No, I want a fridge without a dent.", "2026-03-26T10:00:40Z"),
 ("ai", "I'll pass you to a colleague.", "2026-03-26T10:00:42Z"),
 ("agent", "Hi Zanele, I'm Themba. I've read your chat: the fridge from ZA-55091 arrived with a dented door and you'd like a replacement, not a discount. I understand how upsetting that is. I'm booking the swap now — about 3 minutes. Would a morning or an afternoon delivery suit you better?", "2026-03-26T10:01:20Z"),
 ("customer", "Morning.", "2026-03-26T10:01:50Z"),
 ("agent", "Booked for Friday morning, 8–12; the driver will take the dented one away. Does that work for you?", "2026-03-26T10:04:00Z"),
 ("customer", "Yes, thanks.", "2026-03-26T10:04:20Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": True, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True, "qa.tone-matched": True},
{"repeat_questions": 0, "customer_repeated": False},
"A choice question about a new preference (morning/afternoon) is not a repeat.")

conv("p9-conv13",
"""HandoffBot  APP  4:15 PM
*Customer:* Tomás Quiroga
*Email:* tquiroga@gmail.com
*Reason:* Can't add a second user
*Sentiment:* neutral""",
[("customer", "I want to add my colleague but it says I've reached the user limit.", "2026-03-27T16:10:00Z"),
 ("ai", "Your Solo plan includes 1 user. Upgrading to Team adds up to 5 users. Would you like to talk to sales?", "2026-03-27T16:10:02Z"),
 ("customer", "I was told Solo allows 2 users. Human please.", "2026-03-27T16:11:00Z"),
 ("ai", "Connecting you.", "2026-03-27T16:11:01Z"),
 ("agent", "Hi Tomás, I'm Vera. I can see you're hitting the user limit when adding your colleague. Which plan are you currently on?", "2026-03-27T16:11:40Z"),
 ("customer", "The bot just said Solo.", "2026-03-27T16:12:10Z"),
 ("agent", "Thanks. I'm checking what you were promised at sign-up now — about 2 minutes.", "2026-03-27T16:12:40Z"),
 ("agent", "You're right: your sign-up offer included a second seat. I've added it, so your colleague can join now. Can you check it works?", "2026-03-27T16:14:50Z"),
 ("customer", "Works. Thanks.", "2026-03-27T16:15:20Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": False, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True},
{"repeat_questions": 1, "customer_repeated": True},
"The bot revealed the plan (Solo) before the agent asked for it (6.4).",
must={"4": ["never-ask.known-detail"]})

conv("p9-conv14",
"""Cliente: Valeria Torres
Correo: vale.torres@gmail.com
Motivo: Pedido incompleto (missing item)
Sentiment: frustrated""",
[("customer", "Hola, en mi pedido ES-88120 falta la tapa de la olla.", "2026-03-28T12:00:00Z"),
 ("ai", "Puedo ofrecerte un cupón del 10%.", "2026-03-28T12:00:02Z"),
 ("customer", "No quiero un cupón, quiero la tapa. Con una persona, por favor.", "2026-03-28T12:00:40Z"),
 ("ai", "Te paso con un compañero.", "2026-03-28T12:00:41Z"),
 ("agent", "Hola Valeria, soy Jorge. Entiendo lo frustrante que es recibir un pedido incompleto. ¿Me dices el número de pedido, por favor?", "2026-03-28T12:01:11Z"),
 ("customer", "Ya se lo di al bot: ES-88120.", "2026-03-28T12:01:40Z"),
 ("agent", "Gracias. Estoy enviando la tapa ahora mismo; tardo unos 2 minutos en gestionarlo.", "2026-03-28T12:02:20Z"),
 ("agent", "Listo: la tapa llega el jueves. ¿Te parece bien?", "2026-03-28T12:04:30Z"),
 ("customer", "Sí, gracias.", "2026-03-28T12:04:50Z")],
{"qa.used-name": True, "qa.no-repeat-questions": False},
{"repeat_questions": 1, "customer_repeated": True},
"Spanish conversation; the order number exists only in the transcript. Only language-independent items are labelled.",
must={"4": ["never-ask.order-number"]}, context={"order_numbers": ["ES-88120"]})

conv("p9-conv15",
"""Customer        Ravi Shankar
Order           IN-40-2291
Reason          Refund to expired card
Sentiment       Worried
Priority        Normal""",
[("customer", "My refund for IN-40-2291 went to a card that expired last month.", "2026-03-29T11:00:00Z"),
 ("ai", "Refunds are sent to the original payment method. I'll connect you with our payments team.", "2026-03-29T11:00:02Z"),
 ("agent", "Hi Ravi, I'm Meera from Payments. I can see your refund for IN-40-2291 went to your expired card. I'm checking with the bank whether it bounced — about 5 minutes. Could you tell me the last four digits of your new card?", "2026-03-29T11:00:27Z"),
 ("customer", "It ends 4410. And please send the confirmation to ravi.shankar@rediffmail.com — I don't check the old address anymore.", "2026-03-29T11:01:10Z"),
 ("agent", "Thanks. The bank returned the refund to us, so I'm re-sending it to the card ending 4410 now.", "2026-03-29T11:04:30Z"),
 ("agent", "Could you send me your email address so I can send you the confirmation?", "2026-03-29T11:05:00Z"),
 ("customer", "I just did: ravi.shankar@rediffmail.com.", "2026-03-29T11:05:20Z"),
 ("agent", "Thanks, Ravi. The refund is on its way to the card ending 4410 and the confirmation is in your inbox. Does that cover everything?", "2026-03-29T11:06:00Z"),
 ("customer", "Yes.", "2026-03-29T11:06:20Z")],
{"qa.used-name": True, "qa.referenced-ai": True, "qa.no-repeat-questions": False, "qa.set-expectations": True,
 "qa.narrated-actions": True, "qa.confirmed-resolution": True},
{"repeat_questions": 1, "customer_repeated": True},
"The customer reveals the email mid-conversation inside a longer message; the agent later asks for it. Asking for the new card's last digits (index 2) is new information.",
must={"5": ["never-ask.known-detail"]})

assert len(CONVS) == 15
