# p9 probe replies: never-ask rules in unusual wordings, and near misses.
# Each entry: (card, phase, reply, fire, kwargs)
#   fire: rule ids that must fire (never-ask / avoid)
#   ck:   checklist (first phase): n=use-name i=introduce-self a=acknowledge-issue
#         r=reference-context s=state-action t=set-timeline; True/False/None
#   emp:  True = the reply acknowledges the feeling; False = it does not
#         (only used where the card's customer is frustrated/angry/...)
#   open: never-ask/avoid ids left unlabelled
#   span: [(rule, text)] span hints (text must occur once in the reply)
ALL = dict(n=True, i=True, a=True, r=True, s=True, t=True)


def ck(**kw):
    d = dict(ALL)
    d.update(kw)
    return d


REPLIES = [
# ---- p9-c01 markdown table (Amara, NV-40213, Premium (monthly), frustrated)
("p9-c01", "first",
 "Hi Amara, I'm Leon from Returns. I've read through your chat about the cracked blender jug, and I understand how frustrating that is. Could you pop your order reference in here so I can pull it up? I'll process the refund straight after — about 2 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "pop your order reference in here")],
 note="'order reference' is a synonym of the card's 'Order' row.")),
("p9-c01", "first",
 "Hi Amara, Leon here. I can see the jug on order NV-40213 arrived cracked, and I know that's frustrating. Just to confirm, is amara.nwosu@gmail.com the right address for the refund receipt? I'm starting the refund now — give me 2 minutes.",
 [], dict(ck=ck(), emp=True, note="Confirms the email by quoting it: not asking for it.")),
("p9-c01", "resolution",
 "While that goes through — what's the e-mail address registered to your account?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "what's the e-mail address registered to your account?")])),
("p9-c01", "resolution",
 "Could you send me a photo of the crack on the jug? Our supplier asks for one with every damage refund.",
 [], dict(note="A photo is new information the card does not hold.")),
("p9-c01", "resolution",
 "One quick thing: are you on the Premium monthly plan or the annual one? It changes how the refund shows on your statement.",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "are you on the Premium monthly plan or the annual one?")],
 note="Choice question whose answer the card holds: Plan = Premium (monthly).")),

# ---- p9-c02 markdown aligned (Dr. Ingrid Solberg, booking LX-77Q2P, annoyed)
("p9-c02", "first",
 "Hello Dr. Solberg, I'm Maja from Reservations. I can see from your chat that the hotel double-booked your room, and I understand how annoying that must be. May I have your booking reference so I can contact the hotel? This should take about 5 minutes.",
 ["never-ask.order-number"], dict(ck=dict(n=True, i=True, a=True, r=True, t=True), emp=True,
 span=[("never-ask.order-number", "May I have your booking reference")],
 note="Booking references are order numbers (CONTRACT 6.3). Title + surname uses the name (6.8).")),
("p9-c02", "first",
 "Hi Ingrid, Maja here. I've read your chat: booking LX-77Q2P was double-booked, and I understand that's really annoying. I'm calling the hotel now and will be back to you within 10 minutes. In the meantime, could you send a screenshot of the confirmation email the hotel sent you?",
 [], dict(ck=ck(), emp=True, note="Asks for a screenshot (new); 'confirmation email' is not a request for the email address.")),
("p9-c02", "resolution",
 "Quick one while I have the hotel on the line: which booking is this about — could you give me the reference again?",
 ["never-ask.order-number"], dict(span=[("never-ask.order-number", "could you give me the reference again?")],
 note="Asks for the booking reference again; order-number outranks explain-again (6.5).")),

# ---- p9-c03 plain aligned (Okonkwo, Chidi; order no. 5520-1187-09; chat #48213 in the header)
("p9-c03", "first",
 "Hi Chidi, I'm Grace. I've gone through your chat about the item missing from your parcel, and I understand how upsetting that is. What's the order no. on your packing slip? I'll check the warehouse scan — about 3 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "What's the order no. on your packing slip?")])),

# ---- p9-c04 HTML copy, labels and values on separate lines (Jean-Luc, FR-2026-118734, frustrated)
("p9-c04", "first",
 "Bonjour Jean-Luc, I'm Sophie from the orders team. I can see in your chat that you received a 6-piece knife set instead of the 12-piece one, and I understand how frustrating that is. So that I can find the parcel, could you tell me your order number? It'll take me about 2 minutes to arrange the right set.",
 ["never-ask.order-number"], dict(ck=dict(n=True, i=True, a=True, r=True, t=True), emp=True,
 span=[("never-ask.order-number", "could you tell me your order number?")])),
("p9-c04", "first",
 "Hi Jean-Luc, this is Sophie — I've read through your chat and I understand how frustrating a wrong delivery is; before I send the 12-piece set out to you, and so that the courier can collect the 6-piece one at the same time, I'd just need you to send me the order number from your confirmation email, and then I'll book both in about 5 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "send me the order number")],
 note="The request sits inside one long sentence.")),
("p9-c04", "resolution",
 "Before I book the courier, could you tell me what happened again, from the moment you opened the box?",
 ["never-ask.explain-again"], dict(span=[("never-ask.explain-again", "tell me what happened again")])),

# ---- p9-c05 HTML div sidebar (Siddharth, IN-99120-B, email; no sentiment)
("p9-c05", "first",
 "Hi Siddharth, I'm Tom. I can see from your chat that the charger in your laptop box has a US plug instead of a UK one. Would you mind letting me know which email address you registered with, so I can send the UK charger's tracking to it? I'll place the order now — about 2 minutes.",
 ["never-ask.known-detail"], dict(ck=ck(), span=[("never-ask.known-detail", "which email address you registered with")])),
("p9-c05", "first",
 "Hi Siddharth, I'm Tom. I've read the chat: order IN-99120-B came with a US charger. I'll send a UK one free of charge — could you tell me which delivery address you'd like it sent to? It takes me about 2 minutes once I have it.",
 [], dict(ck=ck(), note="The card holds no postal address: asking for it is not a repeat.")),

# ---- p9-c06 nested JSON (Mei Lin, SG-300981 relevant, SG-301207, phone, angry)
("p9-c06", "first",
 "Hi Mei, I'm Arjun. I've read through your chat about the grinding noise from your air purifier, and I understand why you're angry. Which of your orders did the purifier come in? I'll set up the exchange and put the filter pack on hold — give me 5 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "Which of your orders did the purifier come in?")],
 note="The card's summary says the purifier is from SG-300981.")),
("p9-c06", "resolution",
 "For the courier booking, could you give me your phone number?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "could you give me your phone number?")],
 note="The card holds customer.contact.phone.")),
("p9-c06", "resolution",
 "Could you record a short video of the grinding noise? The manufacturer asks for one before they take the unit back.",
 [], dict()),

# ---- p9-c07 YAML (Pieter van der Berg, invoice INV-NL-2026-00417, Business Pro, neutral)
("p9-c07", "first",
 "Hi Mr. van der Berg, I'm Eva from Billing. I can see your March invoice was charged at 9% VAT instead of 21%. I'll issue a corrected invoice and send it within 15 minutes — could you confirm the invoice number for me?",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "confirm the invoice number for me")],
 note="Invoice numbers are order numbers (6.3); 'confirm the X' without quoting X asks for it (corpus conv02, conv14).")),
("p9-c07", "first",
 "Hi Pieter, Eva here. I've read your chat about invoice INV-NL-2026-00417 and the 9% VAT rate. I'm issuing a corrected invoice at 21% now — you'll have it in about 15 minutes. Do you also need a credit note for the original invoice for your bookkeeping?",
 [], dict(ck=ck())),
("p9-c07", "resolution",
 "Which plan are you on with us — Business Pro or Business Plus?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "Which plan are you on with us")])),

# ---- p9-c08 logfmt (Lucía, ES-55871, frustrated)
("p9-c08", "first",
 "Hola Lucía, soy Marta. He leído tu chat y entiendo lo frustrante que es esperar 14 días por un reembolso. ¿Me puedes dar tu número de pedido para revisarlo? Tardo unos 2 minutos.",
 ["never-ask.order-number"], dict(ck=dict(n=True), span=[("never-ask.order-number", "¿Me puedes dar tu número de pedido")],
 note="Spanish: 'número de pedido' is the order number. Only use-name is labelled on the checklist.")),
("p9-c08", "first",
 "Hi Lucía, I'm Marta from Payments. I can see your refund for order ES-55871 still hasn't arrived after 14 days, and I understand how frustrating that wait is. I'm chasing it with our payments team now and will update you within 10 minutes. Meanwhile, could you share a screenshot of your bank statement showing the refund hasn't landed?",
 [], dict(ck=ck(), emp=True)),

# ---- p9-c09 forwarded email (Mrs. Olivia Bennett-Clarke, booking KST-88120, anxious)
("p9-c09", "first",
 "Dear Mrs. Bennett-Clarke, my name is Ravi and I'm following up on your chat. I can see the airline cancelled your flight to Lisbon and you'd like a cash refund rather than a voucher. Could I trouble you for the booking number? I'll request the refund to your card within the next 30 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "Could I trouble you for the booking number?")])),
("p9-c09", "resolution",
 "Could I take your surname, please?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "Could I take your surname, please?")])),

# ---- p9-c10 Slack bot (Kwame, GH-7710, angry)
("p9-c10", "first",
 "Hi Kwame, Nadia here. I've read through your chat and I understand why you're angry. Can you give me the order number that was charged? I'll check the payment status in about 2 minutes.",
 ["never-ask.order-number"], dict(ck=dict(n=True, i=True, r=True, s=True, t=True), emp=True,
 span=[("never-ask.order-number", "Can you give me the order number that was charged?")])),
("p9-c10", "first",
 "Hi Kwame, Nadia here. I can see order GH-7710 shows as cancelled even though you were charged, and I understand why you're angry. Could you send me a screenshot of the charge in your banking app? I'll check it against our payment logs — about 2 minutes.",
 [], dict(ck=ck(), emp=True)),
("p9-c10", "first",
 "Hi Kwame, I'm Nadia. So, what's going on with your order today?",
 ["never-ask.generic-opener"], dict(ck=dict(n=True, i=True, a=False, r=False, s=False, t=False), emp=False,
 span=[("never-ask.generic-opener", "what's going on with your order today?")])),

# ---- p9-c11 Teams (Aiko, reservation 0042-TK-5531, upset)
("p9-c11", "first",
 "Hi Aiko, I'm Ben from Reservations. I can see you've been charged twice for the same room and that this is your third chat about it — I understand how upsetting that is. Could you send through your reservation number? I'll reverse the duplicate charge within 10 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "send through your reservation number")])),
("p9-c11", "resolution",
 "Would you mind walking me through the whole thing once more, starting with your first chat?",
 ["never-ask.explain-again"], dict(span=[("never-ask.explain-again", "walking me through the whole thing once more")])),

# ---- p9-c12 CRM sidebar (Fatou, 1029-4471, phone, frustrated)
("p9-c12", "first",
 "Hi Fatou, I'm Chloé. I've read your chat — your parcel came back to us because the courier couldn't get into your building, and I know how frustrating that is. I'm re-sending it with a courier who calls ahead. What's the door code for your building, so they can get in this time?",
 [], dict(ck=dict(n=True, i=True, a=True, r=True, s=True, t=False), emp=True, note="A door code is new information.")),
("p9-c12", "first",
 "Hi Fatou, Chloé here. I can see from your chat that the courier couldn't get into your building, and I understand how frustrating that is. Can you confirm your phone number so the new courier can call you on arrival? I'll book the re-delivery in the next 5 minutes.",
 ["never-ask.known-detail"], dict(ck=ck(), emp=True, span=[("never-ask.known-detail", "confirm your phone number")],
 note="Phone is on the card; 'confirm X' without quoting X asks for it.")),
("p9-c12", "resolution",
 "Just checking: is +33 6 12 34 56 78 still the best number for the courier to call?",
 [], dict(note="Quotes the known phone back for confirmation.")),

# ---- p9-c13 CRM several orders (Hiroshi; JP-21877 is the one; calm)
("p9-c13", "first",
 "Hi Hiroshi, I'm Kenji. I can see the rice cooker lid hinge is broken. Which order was the rice cooker in? I'll send a replacement part — about 3 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "Which order was the rice cooker in?")],
 note="The bot summary names #JP-21877.")),
("p9-c13", "resolution",
 "Is the rice cooker from #JP-20931 or from #JP-21877?",
 ["never-ask.order-number"], dict(span=[("never-ask.order-number", "Is the rice cooker from #JP-20931 or from #JP-21877?")],
 note="Choice question; the card says #JP-21877.")),

# ---- p9-c14 several orders with slashes (Grzegorz, PL/2026/0298 affected)
("p9-c14", "first",
 "Hi Grzegorz, I'm Ola. I can see one of the three boxes from order PL/2026/0298 didn't arrive. I'm opening a trace with the courier now and will update you within 20 minutes. Could you check whether the boxes you did get are labelled '1 of 3' and '2 of 3'?",
 [], dict(ck=ck())),
("p9-c14", "first",
 "Hi Grzegorz, I'm Ola. I see a box is missing from one of your orders — which order number is it? I'll trace it with the courier; it takes about 20 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "which order number is it?")],
 note="The card names the affected order.")),

# ---- p9-c15 after hours, no name (ZX-0091-44, irritated)
("p9-c15", "first",
 "Hi there, I'm Sam, following up on the chat you had with our assistant last night. I can see the SPRING20 code was rejected at checkout, and I understand how irritating that is. So I can apply it by hand, could you tell me your name and the order ID? I'll sort it within 10 minutes.",
 ["never-ask.order-number"], dict(ck=ck(n=None), emp=True, span=[("never-ask.order-number", "the order ID")],
 note="The name is not on the card (asking for it is fine, use-name is not applicable); the order ID is.")),
("p9-c15", "resolution",
 "Could you type out your email address for me?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "Could you type out your email address for me?")])),

# ---- p9-c16 prose after hours (Dr. Ngozi Eze-Okafor, Premier, worried)
("p9-c16", "first",
 "Hi Dr. Eze-Okafor, I'm Daniel. I'm following up on your chat from last night — I can see the password-reset emails aren't reaching you and you have a presentation at 10:00. Could you let me know the email address on your account so I can check our mail logs? I'll have you back in within 15 minutes.",
 ["never-ask.known-detail"], dict(ck=ck(), span=[("never-ask.known-detail", "let me know the email address on your account")],
 note="The email is in the card's prose, in parentheses.")),
("p9-c16", "first",
 "Hi Ngozi, Daniel here, following up on your chat from last night. I can see the reset emails to ngozi.eze@unilag.edu.ng aren't arriving. I'm going to check our mail logs and send you a one-time login link by text instead — about 5 minutes. What mobile number should I send it to?",
 [], dict(ck=ck(), note="The card holds no phone number.")),

# ---- p9-c17 Chinese name (王芳 (Wang Fang), 2026030512345, frustrated)
("p9-c17", "first",
 "Hello, I'm Lily from Payments. I've read your chat about the refund that hasn't reached you, and I understand how frustrating that is. 请问您的订单号是多少？(Could you tell me your order number?) I'll trace the refund in about 5 minutes.",
 ["never-ask.order-number"], dict(ck=ck(n=False), emp=True, span=[("never-ask.order-number", "Could you tell me your order number?")])),
("p9-c17", "first",
 "您好 Wang Fang, I'm Lily. I can see the refund for order 2026030512345 hasn't reached your account, and I understand how frustrating that is. I'm tracing it with our payment provider now — about 5 minutes. Could you send a screenshot of the refund page in Alipay?",
 [], dict(ck=ck(), emp=True, note="Uses the romanised full name written on the card.")),

# ---- p9-c18 Cyrillic (Ольга, №RU-448120, neutral)
("p9-c18", "first",
 "Здравствуйте, Ольга! I'm Ivan from Returns. I can see you received beige instead of graphite. Could you tell me the order number (номер заказа)? I'll arrange the exchange — about 5 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "Could you tell me the order number")])),

# ---- p9-c19 Greek name (Νίκος, GR-10293-A, annoyed)
("p9-c19", "first",
 "Hi Νίκος, I'm Eleni. I've read your chat about your package being held at customs, and I understand how annoying that is. What's your order ref? I'll contact the customs broker now — give me 10 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "What's your order ref?")])),
("p9-c19", "resolution",
 "Can you remind me of your email?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "Can you remind me of your email?")])),

# ---- p9-c20 VAN DER MEER, Anneke (Mrs), Platinum, HT55-0917, angry
("p9-c20", "first",
 "Good afternoon Mrs. van der Meer, I'm Joost, a senior member of our guest relations team. I can see you were downgraded on arrival, and I understand how angry that makes you. I'm contacting the hotel manager now and will call you back within 15 minutes. Which membership tier do you hold with us?",
 ["never-ask.known-detail"], dict(ck=ck(), emp=True, span=[("never-ask.known-detail", "Which membership tier do you hold with us?")],
 note="Account: Platinum Rewards. Title + surname with particle uses the name (6.8).")),
("p9-c20", "first",
 "Hello Anneke, I'm Joost. I've read your chat about the room downgrade, and I understand you're angry. So I can speak to the hotel, would you be able to give me the booking number? I'll be back to you within 15 minutes.",
 ["never-ask.order-number"], dict(ck=dict(n=True, i=True, a=True, r=True, t=True), emp=True,
 span=[("never-ask.order-number", "would you be able to give me the booking number?")])),

# ---- p9-c21 case, no name, no order (account ID, phone, frustrated)
("p9-c21", "first",
 "Hi, I'm Priya from Account Security. I can see you can't log in since you changed the phone for two-factor, and I understand how frustrating being locked out is. Do you have the order number of a recent purchase I can use to verify you? I'll reset the 2FA within 5 minutes.",
 [], dict(ck=ck(n=None), emp=True, note="The card holds no order number (case and account ids are not order numbers, 6.3): not a repeat.")),
("p9-c21", "first",
 "Hi, Priya here. I've read your chat about the 2FA lockout, and I understand how frustrating that is. Could you tell me your account ID so I can pull up your profile? I'll reset 2FA within 5 minutes.",
 ["never-ask.known-detail"], dict(ck=ck(n=None), emp=True, span=[("never-ask.known-detail", "Could you tell me your account ID")],
 note="Account ID is in details (6.3, 6.4), not an order number.")),
("p9-c21", "resolution",
 "What's the case number the assistant gave you?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "What's the case number the assistant gave you?")],
 note="Case ids go to details (6.3), so known-detail, not order-number.")),
("p9-c21", "resolution",
 "Which phone number did you switch your 2FA to? The old one on file is +91 98200 11223.",
 [], dict(note="Asks for the NEW phone number; the card holds only the old one.")),

# ---- p9-c22 policy and claim (Tomasz, frustrated)
("p9-c22", "first",
 "Hi Tomasz, I'm Kasia from Claims. I've read your chat, and I understand how frustrating a delayed payout is. Could you send me photos of the repair invoice from your contractor? I'll push the claim to the payments team and update you within 2 hours.",
 [], dict(ck=ck(), emp=True, note="A contractor's invoice is not on the card: new information, not an order-number repeat.")),
("p9-c22", "resolution",
 "And could you send over the email address on your policy?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "send over the email address on your policy")])),

# ---- p9-c23 order + tracking (Bongani, worried)
("p9-c23", "first",
 "Hi Bongani, I'm Lerato. I can see your tracking hasn't moved in 6 days, and I understand that's worrying. Can you give me the order number? I'll call the courier now — 10 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "Can you give me the order number?")],
 note="Order: 7734019 is on the card.")),

# ---- p9-c24 ticket + invoice, Enterprise (Rahul)
("p9-c24", "first",
 "Hi Rahul, I'm Anika from Enterprise Billing. I can see invoice 2026-INV-00981 went to your old billing address. What's the new billing address you'd like on it? I'll reissue it within the hour.",
 [], dict(ck=ck(), note="The new address is not on the card.")),
("p9-c24", "first",
 "Hi Rahul, Anika here. I can see an invoice went to your old billing address. Which invoice number is it? I'll reissue it within the hour.",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "Which invoice number is it?")])),
("p9-c24", "resolution",
 "Could you quote your ticket number so I can log the change against it?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "Could you quote your ticket number")],
 note="Ticket ids go to details (6.3): known-detail, not order-number.")),

# ---- p9-c25 airline PNR (ADEYEMI/FOLASADE MRS, K9XZ2T, frustrated)
("p9-c25", "first",
 "Hi Folasade, I'm Tunde from the airline desk. I've read your chat: you paid for a seat on LH 901 on 8 March but it wasn't assigned, and I understand how frustrating that is. Can I get your PNR? I'll assign the seat in about 3 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "Can I get your PNR?")])),
("p9-c25", "first",
 "Hi Folasade, I'm Tunde. I've read your chat and I understand how frustrating it is to pay for a seat and not get it. I'm assigning your seat on booking K9XZ2T now — about 3 minutes. Which seat did you pay for — 14A or 14C?",
 [], dict(ck=ck(), emp=True, note="Choice question about something the card does NOT hold (the seat).")),
("p9-c25", "resolution",
 "Is your e-mail still folasade.adeyemi@gmail.com? I'll send the new boarding pass there.",
 [], dict()),
("p9-c25", "resolution",
 "What is the email address the booking was made with?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "What is the email address the booking was made with?")])),

# ---- p9-c26 reservation number with spaces (Chiara, neutral)
("p9-c26", "first",
 "Ciao Chiara, I'm Marco from the concierge team. I can see you'd like to move your stay to 22–25 March. Could you give me your reservation number? I'll check availability in about 2 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "Could you give me your reservation number?")])),

# ---- p9-c27 Mx. Jordan Avery-Lee, #0000912, irritated
("p9-c27", "first",
 "Hi Mx. Avery-Lee, I'm Robin. I can see this month's box was skipped without your consent, and I understand how irritating that is. So I can reinstate it, could you tell me your order number? It takes about 2 minutes.",
 ["never-ask.order-number"], dict(ck=dict(n=True, i=True, a=True, r=True, t=True), emp=True,
 span=[("never-ask.order-number", "could you tell me your order number?")])),

# ---- p9-c28 booking ref + confirmation (Prof. Dr. Klaus-Dieter Hoffmann, annoyed)
("p9-c28", "first",
 "Hello Professor Hoffmann, I'm Greta from Reservations. I can see you were charged the non-refundable rate instead of the flexible one, and I understand how annoying that is. What's the confirmation number on your booking? I'll have the rate corrected within 15 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "What's the confirmation number on your booking?")],
 note="Confirmation numbers are order numbers (6.3).")),

# ---- p9-c29 German/English (Jürgen Weiß, DE-7781-22, verärgert (angry))
("p9-c29", "first",
 "Hallo Herr Weiß, ich bin Lukas vom Kundenservice. Ich habe Ihren Chat gelesen – Ihre Lieferung kam beschädigt an. Können Sie mir bitte Ihre Bestellnummer nennen? Ich kümmere mich in 5 Minuten darum.",
 ["never-ask.order-number"], dict(ck=dict(n=True), span=[("never-ask.order-number", "Können Sie mir bitte Ihre Bestellnummer nennen?")],
 note="German: 'Bestellnummer' = order number, the card's own label.")),
("p9-c29", "first",
 "Hi Jürgen, I'm Lukas. I've read your chat about the damaged delivery. Could you send a couple of photos of the damage and the outer box? I'll start the replacement as soon as they're in — usually within 10 minutes.",
 [], dict(ck=ck(), tone="fire", note="The card marks the customer angry ('verärgert (angry)'); no acknowledgement of it.")),

# ---- p9-c30 Spanish labels (María José García López, MX-55012, frustrated)
("p9-c30", "first",
 "Hola María José, soy Andrés. Entiendo lo frustrante que es un cobro duplicado. ¿Me confirmas tu correo electrónico, por favor? Reviso el cargo en 2 minutos.",
 ["never-ask.known-detail"], dict(ck=dict(n=True), span=[("never-ask.known-detail", "¿Me confirmas tu correo electrónico")],
 note="Spanish: asks to confirm the email without quoting it.")),
("p9-c30", "first",
 "Hi María José, I'm Andrés. I can see you were charged twice for order MX-55012, and I understand how frustrating that is. I'm reversing the duplicate charge now — about 5 minutes. Is mariajose.garcia@telefonica.es the right email for the confirmation?",
 [], dict(ck=ck(), emp=True)),

# ---- p9-c31 French prose (Mme Camille Dubois)
("p9-c31", "first",
 "Bonjour Camille, je suis Léa du service client. Quelle est votre adresse e-mail, s'il vous plaît ? Je prépare l'échange en 5 minutes.",
 ["never-ask.known-detail"], dict(ck=dict(n=True), span=[("never-ask.known-detail", "Quelle est votre adresse e-mail")],
 note="French: asks for the email the card holds.")),

# ---- p9-c32 double-line box (Dr Samuel Osei, Clinic Plus (3 seats), frustrated)
("p9-c32", "first",
 "Hi Dr Osei, I'm Ama. I've read through your chat — the seats on your plan haven't been activated, and I understand how frustrating that is with the clinic waiting. How many seats does your plan include? I'll activate them in about 5 minutes.",
 ["never-ask.known-detail"], dict(ck=ck(), emp=True, span=[("never-ask.known-detail", "How many seats does your plan include?")],
 note="Account: Clinic Plus (3 seats).")),
("p9-c32", "first",
 "Hi Samuel, I'm Ama. I can see the 3 seats on your Clinic Plus plan weren't activated, and I understand how frustrating that is. Which three staff email addresses should I activate them for? I'll do it in about 5 minutes.",
 [], dict(ck=ck(), emp=True, note="Staff emails are new information, not the customer's email.")),

# ---- p9-c33 markdown section rows (Sofía, #10021, #10058 missing mouse)
("p9-c33", "first",
 "Hi Sofía, I'm Luis. I can see from your chat that the wireless mouse was missing from one of your orders. Which of the two orders was it missing from? I'll send it out today.",
 ["never-ask.order-number"], dict(ck=dict(n=True, i=True, a=True, r=True, s=True), span=[("never-ask.order-number", "Which of the two orders was it missing from?")])),

# ---- p9-c34 tab separated (Kateřina, CZ 5510 2291, frustrated)
("p9-c34", "first",
 "Hi Kateřina, I'm Petr. I can see your parcel went to a locker that's out of service, and I understand how frustrating that is. I'm asking the courier to redeliver it to your home address now — about 5 minutes. Which time window suits you best for the delivery tomorrow?",
 [], dict(ck=ck(), emp=True)),

# ---- p9-c35 Zendesk JSON (Aroha, VIP tag, Family (annual), upset)
("p9-c35", "first",
 "Kia ora Aroha, I'm Hemi, a senior member of our support team. I can see your plan was cancelled after a failed payment, and I understand how upsetting it is to worry about the kids' profiles. Which plan were you on before it was cancelled? I'll restore it within 10 minutes.",
 ["never-ask.known-detail"], dict(ck=ck(), emp=True, span=[("never-ask.known-detail", "Which plan were you on before it was cancelled?")])),
("p9-c35", "first",
 "Kia ora Aroha, I'm Hemi. I can see your Family (annual) plan was cancelled after a failed card payment, and I understand how upsetting that is. I'm restoring it now with all profiles intact — about 10 minutes. Would you like to update the card on file while I do that?",
 [], dict(ck=ck(), emp=True)),

# ---- p9-c36 YAML orders list (Niamh, IE-4502 relevant, phone, after hours)
("p9-c36", "first",
 "Hi Niamh, I'm Cian, following up on your chat from last night. I can see you'd like to swap the navy one for green. Which order was the navy item in? I'll set up the exchange in about 5 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "Which order was the navy item in?")])),
("p9-c36", "resolution",
 "Could you tell me your phone number so the courier can arrange the swap?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "Could you tell me your phone number")])),

# ---- p9-c37 logfmt, no name, overnight (A-55102, upset)
("p9-c37", "first",
 "Hi, I'm Tariq, following up on the ticket our assistant created overnight. I can see your parcel arrived damaged, and I understand how upsetting that is. Can I grab your name, please? I'll sort a replacement for order A-55102 in about 5 minutes.",
 [], dict(ck=ck(n=None), emp=True, note="customer=null: asking for the name is not a repeat.")),

# ---- p9-c38 forwarded email prose (Mr. Abdullahi Musa, R-2026-4419)
("p9-c38", "first",
 "Hello Mr. Musa, I'm Halima. Could you run me through what happened once more? I want to make sure I get it right.",
 ["never-ask.explain-again"], dict(ck=dict(n=True, i=True, a=False, r=False, s=False, t=False),
 span=[("never-ask.explain-again", "run me through what happened once more")])),

# ---- p9-c39 Teams en-dash (Ji-woo, KR_2026_00917, frustrated)
("p9-c39", "first",
 "Hi Ji-woo, I'm Daniel. I've read your chat — the app is charging you in USD instead of KRW, and I understand how frustrating that is. Mind sending over your order ID so I can look at the charge? I'll have an answer in about 5 minutes.",
 ["never-ask.order-number"], dict(ck=dict(n=True, i=True, a=True, r=True, t=True), emp=True,
 span=[("never-ask.order-number", "Mind sending over your order ID")])),
("p9-c39", "resolution",
 "Could you describe the problem one more time, step by step, from when you opened the app?",
 ["never-ask.explain-again"], dict(span=[("never-ask.explain-again", "describe the problem one more time")])),

# ---- p9-c40 CRM VIP (Isabella, RC-7781, furious)
("p9-c40", "first",
 "Hi Isabella, I'm Federica, a senior member of our support team. I've read your chat about the sofa arriving in the wrong fabric, and I completely understand your frustration. Could you share your order number with me so I can escalate the replacement? I'll call the workshop now and update you within 30 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "Could you share your order number with me")])),
("p9-c40", "first",
 "Hi Isabella, Federica here from senior support. I've read everything about order RC-7781, and I understand how frustrating it is to get the wrong fabric on a custom sofa. I'm calling the workshop now and will confirm a replacement date within 30 minutes. Could you send me a photo of the fabric label under the cushion?",
 [], dict(ck=ck(), emp=True)),

# ---- p9-c41 ticket, no order (Emeka, angry)
("p9-c41", "first",
 "Hi Emeka, I'm Zara from Trust & Safety. I've read your chat, and I understand you're angry about the suspension. Could you give me the order number of your last purchase? It helps me see what triggered the review. I'll have an answer for you within 15 minutes.",
 [], dict(ck=dict(n=True, i=True, a=True, r=True, t=True), emp=True,
 note="The card holds no order number (a ticket id is not one, 6.3): not a repeat.")),
("p9-c41", "resolution",
 "Can you tell me your ticket number?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "Can you tell me your ticket number?")],
 note="Ticket: #SUP-44120 is in details: known-detail, not order-number (6.3).")),

# ---- p9-c42 prose invoice + order (Hannah, calm)
("p9-c42", "first",
 "Hi Hannah, I'm Jonas. I can see you were charged for three licences instead of two. Could you tell me the invoice number? I'll refund the extra licence — about 5 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "Could you tell me the invoice number?")])),

# ---- p9-c43 two pairs per line + order table (Thandiwe, ZA-1188 lost, frustrated)
("p9-c43", "first",
 "Hi Thandiwe, I'm Sipho. I can see one of your March orders was marked lost by the courier, and I understand how frustrating that is. Is it ZA-1188 or ZA-1190 that never arrived? I'll process the refund right away — 2 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "Is it ZA-1188 or ZA-1190 that never arrived?")],
 note="Choice question; the card says ZA-1188.")),
("p9-c43", "first",
 "Hi Thandiwe, Sipho here. I can see ZA-1188 was marked lost by the courier, and I understand how frustrating that is. I'm refunding ZA-1188 now — about 2 minutes. Would you like the refund to your card or as store credit?",
 [], dict(ck=ck(), emp=True, note="Choice question about a new preference, not a known detail.")),

# ---- p9-c44 Slack after hours, guest (3318-77-201, confused)
("p9-c44", "first",
 "Hi, I'm Ellie, following up on the ticket from last night. I can see your gift card shows $0 after a partial redemption. What's the gift card number on the back of the card? I'll check the balance history — about 5 minutes.",
 [], dict(ck=ck(n=None), note="The gift card's own number is not on the card.")),
("p9-c44", "resolution",
 "And your order number?",
 ["never-ask.order-number"], dict(span=[("never-ask.order-number", "And your order number?")],
 note="Elliptical request; Order: 3318-77-201 is on the card.")),

# ---- p9-c45 markdown headings (Dr. Priyanka Chatterjee, AIIMS-PO-7781, neutral)
("p9-c45", "first",
 "Hello Dr. Chatterjee, I'm Vikram. I can see one of the two centrifuges arrived with a cracked lid. I'll ship a replacement lid by express so it arrives before Monday. Could you tell me your purchase order number so I can link the shipment?",
 ["never-ask.order-number"], dict(ck=dict(n=True, i=True, a=True, r=True, s=True), span=[("never-ask.order-number", "your purchase order number")])),

# ---- generic openers in unusual wordings
("p9-c46", "first",
 "Hey Suharti, it's Jo on the support desk! What brings you to us today?",
 ["never-ask.generic-opener"], dict(ck=dict(n=True, i=True, a=False, r=False, s=False, t=False),
 span=[("never-ask.generic-opener", "What brings you to us today?")])),
("p9-c47", "first",
 "Szia! I'm Bence from Deliveries. What do you need a hand with today?",
 ["never-ask.generic-opener"], dict(ck=dict(n=False, i=True, a=False, r=False, s=False, t=False), emp=False,
 span=[("never-ask.generic-opener", "What do you need a hand with today?")])),
("p9-c48", "first",
 "Hello, I'm Kaito from Billing. How may I be of assistance this afternoon?",
 ["never-ask.generic-opener"], dict(ck=dict(n=False, i=True, a=False, r=False, s=False, t=False),
 span=[("never-ask.generic-opener", "How may I be of assistance this afternoon?")])),
("p9-c49", "first",
 "Hi, I'm Omar. What can I sort out for you?",
 ["never-ask.generic-opener"], dict(ck=dict(n=False, i=True, a=False, r=False, s=False, t=False), emp=False,
 span=[("never-ask.generic-opener", "What can I sort out for you?")])),
("p9-c50", "first",
 "Hi Jamie, Priya here. What seems to be wrong with your headphones order?",
 ["never-ask.generic-opener"], dict(ck=dict(n=True, i=True, r=False, s=False, t=False), emp=False,
 span=[("never-ask.generic-opener", "What seems to be wrong with your headphones order?")],
 note="Like the corpus's 'What's the problem with your delivery?' (r113)."),),
("p9-c51", "first",
 "Hi Olumide, I'm Chinedu. I can see you were charged in USD instead of NGN on invoice 2026/INV/0042, and I understand how annoying that is. I'm reissuing it in naira now — about 10 minutes. Is there anything else on the account you'd like me to look at while I'm in there?",
 [], dict(ck=ck(), emp=True, note="An 'anything else' offer after naming the issue is not a generic opener.")),

# ---- explain-again in unusual wordings, and a negation
("p9-c52", "first",
 "Hi Beatriz, I'm Rafael. Can you fill me in on what happened with the blender from the beginning?",
 ["never-ask.explain-again"], dict(ck=dict(n=True, i=True, r=False, s=False, t=False), emp=False,
 span=[("never-ask.explain-again", "fill me in on what happened with the blender from the beginning")])),
("p9-c52", "first",
 "Hi Beatriz, I'm Rafael. I've read your chat, so I won't ask you to explain it all again: the blender from BR-8290 stops after 10 seconds, and I understand how frustrating that is. I'm arranging a replacement now — about 5 minutes.",
 [], dict(ck=ck(), emp=True, note="Negated: promises NOT to ask for an explanation.")),
("p9-c53", "first",
 "Hi Lena, I'm Max. Would you mind going over the issue for me one more time?",
 ["never-ask.explain-again"], dict(ck=dict(n=True, i=True, a=False, r=False, s=False, t=False), emp=False,
 span=[("never-ask.explain-again", "going over the issue for me one more time")])),
("p9-c54", "first",
 "Hi Wiremu, I'm Aroha. I'd love to hear in your own words what happened with the seat charge.",
 ["never-ask.explain-again"], dict(ck=dict(n=True, i=True, r=False, s=False, t=False),
 span=[("never-ask.explain-again", "I'd love to hear in your own words what happened")])),
("p9-c54", "resolution",
 "Is your Team plan billed monthly or annually?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "Is your Team plan billed monthly or annually?")],
 note="Choice question; the card's Plan says 'billed monthly'.")),

# ---- the name
("p9-c55", "first",
 "Hello! Who do I have the pleasure of speaking with today?",
 ["never-ask.known-detail"], dict(ck=dict(n=False, i=False, a=False, r=False, s=False, t=False), emp=False,
 span=[("never-ask.known-detail", "Who do I have the pleasure of speaking with today?")],
 note="Asks for the name the card holds (Aleksander Nowak)." )),
("p9-c56", "first",
 "Hi Seán, I'm Ciara, following up on your chat from last night. I can see the deposit for your car hire was taken twice, and I understand how frustrating that is. Before I refund it, can I just take your full name?",
 ["never-ask.known-detail"], dict(ck=dict(n=True, i=True, a=True, r=True, t=False), emp=True,
 span=[("never-ask.known-detail", "can I just take your full name?")])),
("p9-c56", "resolution",
 "Could you let me know your booking reference so I can find the deposit?",
 ["never-ask.order-number"], dict(span=[("never-ask.order-number", "let me know your booking reference")])),

# ---- emoji sentiment card (Diego, very angry)
("p9-c57", "first",
 "Hi Diego, I'm Lucas. I've read your chat: your wedding suit arrived after the wedding. I'm escalating a full refund now — give me 10 minutes.",
 [], dict(ck=ck(), tone="fire", note="The card says 'very angry'; no acknowledgement of the feeling (6.6).")),
("p9-c57", "resolution",
 "Could you confirm your order number so I can process the refund?",
 ["never-ask.order-number"], dict(span=[("never-ask.order-number", "confirm your order number")])),

("p9-c58", "first",
 "Hi Rania, I'm Hadi. I can see you were charged shipping twice when your order was split, and I understand how irritating that is. Could you send me the email address on your account, please? I'll refund the second shipping charge in about 3 minutes.",
 ["never-ask.known-detail"], dict(ck=ck(), tone="nofire", span=[("never-ask.known-detail", "send me the email address on your account")])),
("p9-c59", "first",
 "Hi Yusuf, I'm Emre. I can see your warranty repair came back unrepaired. Is the order number TR-5501-77 or TR-5501-71?",
 ["never-ask.order-number"], dict(ck=dict(n=True, i=True, a=True, r=True, s=False, t=False),
 span=[("never-ask.order-number", "Is the order number TR-5501-77 or TR-5501-71?")],
 note="Choice question; the card holds TR-5501-77.")),
("p9-c60", "first",
 "Hi Leilani, I'm Koa. I've read your chat about the cracked fin box, and I understand how upsetting that is. Can you read me the confirmation code from your order email? I'll get a replacement board out — about 5 minutes to set up.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "read me the confirmation code")],
 note="Confirmation #: 4Q7-ZP2 is an order number (6.3).")),
("p9-c61", "resolution",
 "Which email should the corrected invoice go to — marco.dangelo@libero.it or m.dangelo@studiodangelo.it?",
 [], dict(note="A preference between two shown emails; the card does not say which one the invoice should go to.")),
("p9-c62", "first",
 "Hello, I'm Femi from Returns. I can see you received the wrong size from order NG-3390. May I have your name for the exchange? I'll set it up in about 3 minutes.",
 [], dict(ck=ck(n=None), note="No name on the card (the email address is not a name): asking is fine, use-name not applicable.")),
("p9-c63", "first",
 "Hi Astrid, I'm Jonas, a senior engineer on our enterprise team. I can see SSO has been down for all 240 of your users since this morning. I'm on a call with our identity team now and will update you within 20 minutes. Which tier is Nordvik on with us?",
 ["never-ask.known-detail"], dict(ck=ck(), span=[("never-ask.known-detail", "Which tier is Nordvik on with us?")])),
("p9-c64", "first",
 "Hi Chukwuemeka, I'm Tolu. I've read your chat about the refund for your cancelled rental, and I understand how frustrating the wait is. Which of your two bookings is the refund for? I'll chase it with the branch now — about 10 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "Which of your two bookings is the refund for?")],
 note="The card's reason names CR-5540.")),
("p9-c65", "first",
 "Hi Zoe, I'm Daan. I can see your coffee machine started leaking after descaling, and I understand how annoying that is. What's your e-mail address so I can send you a prepaid return label? It'll be with you in about 5 minutes.",
 ["never-ask.known-detail"], dict(ck=dict(n=True, i=True, a=True, r=True, t=True), emp=True,
 span=[("never-ask.known-detail", "What's your e-mail address")])),
("p9-c66", "first",
 "Hi Siobhan, I'm Niall. I can see the toaster was missing from your kettle and toaster bundle, and I understand how annoying that is. What's the order number on your confirmation? I'll sort the toaster or a partial refund, whichever you prefer — about 5 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), emp=True, span=[("never-ask.order-number", "What's the order number on your confirmation?")],
 note="The card's Order # row holds the number (written with an HTML entity for a non-breaking hyphen).")),
("p9-c67", "first",
 "Hi Bartholomew, I'm Saskia, a senior member of our support team. I can see the strap on your watch broke within a week. Which order was the watch in? I'll send a new strap by courier today — setting it up takes about 3 minutes.",
 ["never-ask.order-number"], dict(ck=ck(), span=[("never-ask.order-number", "Which order was the watch in?")])),
("p9-c68", "first",
 "Hi Valentina, I'm Marco. I can see your espresso machine arrived without the portafilter, and I understand why you're angry. I'm sending one out by express now — it takes me about 2 minutes to book. Could you send a photo of the box contents so the warehouse can check what else might be missing?",
 [], dict(ck=ck(), emp=True)),
("p9-c69", "first",
 "Hi Aoife, I'm Orla, following up on your chat from last night. I can see your subscription renewed at the full price instead of the loyalty price, and I understand how annoying that is. I'm correcting it now — about 5 minutes. Which subscription plan are you on, so I apply the right loyalty discount?",
 [], dict(ck=ck(), emp=True, note="The card holds no plan: asking for it is not a repeat.")),
("p9-c70", "resolution",
 "Could you read me the serial number from the label inside the door?",
 ["never-ask.known-detail"], dict(span=[("never-ask.known-detail", "read me the serial number")],
 note="Serial: SN-4471-XK is in details; serial numbers are not order numbers (6.3).")),
]
