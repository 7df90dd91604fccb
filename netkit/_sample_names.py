"""Word lists for :mod:`netkit.sample`: names, employers, titles and the planted message texts.

The people are invented: each is a first name and a last name drawn at random from these lists
(a common pair such as Michael Smith is bound to be somebody's name; nothing else about them is),
with email addresses at domains reserved for examples and phone numbers from the range reserved
for fiction; ``tests/test_sample_privacy.py`` checks the committed sample. Employers mix invented
companies with well-known real ones, as a real network does: a real company is only ever the
employer of an invented person. The lists are plain data so that the generator reads as a recipe
and the vocabulary can grow without touching code. Names are grouped by the language they come
from, so that a synthetic person has a plausible first/last pair. Everyday message texts (the
filler around the planted stories) are composed from the templates of ``_sample_chat.py``.
"""

from __future__ import annotations

__all__ = [
    "ADDRESS_BOOK_LAST_NAMES",
    "CHINESE_SCRIPT_NAMES",
    "COACH_ANSWERS",
    "COACH_PROMPTS",
    "COMMENTS",
    "COMPANIES",
    "CONGRATS_NOTES",
    "CREDENTIALS",
    "DEFAULT_NOTE",
    "DRAFTS",
    "EVENT_NAMES",
    "FOLLOWED_MEMBERS",
    "GROUP_TITLES",
    "MEETINGS",
    "MULTILINE_COMMENTS_NO_COMMA",
    "MULTILINE_COMMENTS_WITH_COMMA",
    "NAME_GROUPS",
    "OFF_PLATFORM",
    "OWNER_PITCHES",
    "PERSONAL_NOTES",
    "PITCHES",
    "PITCH_ANSWERS",
    "PITCH_FOLLOW_UPS",
    "PITCH_NOTES",
    "PLANTED_NAMES",
    "POLITE_DECLINES",
    "POSITIONS",
    "POSTS",
    "QUOTED_COMMENTS",
    "RECOMMENDATION_TEXTS",
    "RECRUITER_INMAILS",
    "SCHOOLS",
    "SKILLS",
    "SPONSORED_BODIES",
    "TEMPLATE_NOTE_VARIANTS",
]

# fmt: off
#: ``group -> (weight, first names, last names)``. Weights are relative shares of contacts.
NAME_GROUPS: dict[str, tuple[float, tuple[str, ...], tuple[str, ...]]] = {
    "english": (
        0.30,
        (
            "James", "Emily", "Michael", "Sarah", "David", "Jessica", "Daniel", "Laura",
            "Chris", "Rachel", "Matthew", "Hannah", "Andrew", "Olivia", "Ryan", "Megan",
            "Thomas", "Grace", "Ben", "Chloe", "Nathan", "Amy", "Peter", "Kate", "Sam",
            "Lucy", "Jack", "Sophie", "Mark", "Claire", "Tom", "Emma", "Robert", "Anna",
            "Steven", "Rebecca", "Paul", "Jennifer", "Kevin", "Natalie",
        ),
        (
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
            "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White",
            "Harris", "Clark", "Lewis", "Walker", "Hall", "Allen", "Young", "King", "Wright",
            "Scott", "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts",
            "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins",
            "O'Brien", "McCarthy", "Fitzgerald", "O'Neill",
        ),
    ),
    "spanish": (
        0.12,
        (
            "José", "María", "Lucía", "Javier", "Sofía", "Andrés", "Martín", "Inés",
            "Álvaro", "Camila", "Carlos", "Valentina", "Diego", "Elena", "Raúl", "Marta",
            "Sergio", "Ana", "Pablo", "Julián", "Verónica", "Adrián", "Mónica", "Héctor",
        ),
        (
            "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez",
            "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno",
            "Muñoz", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez",
            "Ramos", "Gil", "Núñez", "Castro", "Ortega", "Peña",
        ),
    ),
    "german": (
        0.10,
        (
            "Lukas", "Anna", "Jonas", "Lea", "Felix", "Hannah", "Maximilian", "Lena",
            "Jürgen", "Katrin", "Stefan", "Sabine", "Tobias", "Julia", "Matthias", "Carina",
            "Björn", "Jörg", "Günter", "Dörte", "Uwe", "Franziska",
        ),
        (
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
            "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
            "Schröder", "Neumann", "Schwarz", "Zimmermann", "Krüger", "Hartmann", "Weiß",
            "Lehmann", "Köhler", "Groß",
        ),
    ),
    "french": (
        0.07,
        (
            "Camille", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Théo", "Élodie", "Lucas",
            "Zoë", "Mathis", "Inès", "Benoît", "Céline", "François", "Hélène", "Jérôme",
            "Noémie",
        ),
        (
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garnier", "Faure",
            "Rousseau", "Blanc", "Guérin", "Boyer", "Chevalier", "Lemaître",
        ),
    ),
    "nordic": (
        0.10,
        (
            "Søren", "Mette", "Anders", "Sofie", "Mads", "Freja", "Rasmus", "Ida", "Jens",
            "Signe", "Lars", "Kirsten", "Bjørn", "Åsa", "Henrik", "Ingrid", "Magnus",
            "Sigrid", "Ole", "Line", "Frederik", "Astrid", "Nils", "Maja",
        ),
        (
            "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
            "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen",
            "Olsen", "Thomsen", "Poulsen", "Johansson", "Karlsson", "Nilsson", "Eriksson",
            "Berg", "Dahl", "Lund", "Holm", "Strøm", "Bæk", "Højgaard", "Åberg",
        ),
    ),
    "indian": (
        0.12,
        (
            "Priya", "Rahul", "Ananya", "Arjun", "Kavya", "Vikram", "Sneha", "Rohan",
            "Aditi", "Karthik", "Neha", "Siddharth", "Pooja", "Aditya", "Divya", "Varun",
            "Meera", "Nikhil", "Shreya", "Amit", "Deepa", "Sanjay",
        ),
        (
            "Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Singh", "Kumar", "Rao",
            "Menon", "Agarwal", "Joshi", "Desai", "Mehta", "Chatterjee", "Banerjee",
            "Krishnan", "Pillai", "Verma", "Kapoor", "Bhat", "Malhotra",
        ),
    ),
    "chinese": (
        0.08,
        (
            "Wei", "Jing", "Li", "Min", "Hao", "Yan", "Lei", "Xin", "Jun", "Ying", "Tao",
            "Mei", "Chen", "Hui", "Yu", "Fang", "Qiang", "Lan",
        ),
        (
            "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
            "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin",
        ),
    ),
    "polish": (
        0.04,
        (
            "Katarzyna", "Piotr", "Agnieszka", "Tomasz", "Małgorzata", "Paweł", "Łukasz",
            "Zofia", "Michał", "Joanna", "Grzegorz", "Magdalena",
        ),
        (
            "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski",
            "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Król", "Mazur",
        ),
    ),
    "portuguese": (
        0.04,
        (
            "João", "Beatriz", "Gonçalo", "Leonor", "Tiago", "Mariana", "Rafael", "Inês",
            "Thiago", "Larissa", "Vinícius", "Fernanda",
        ),
        (
            "Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues",
            "Martins", "Sousa", "Gonçalves", "Araújo", "Conceição",
        ),
    ),
    "nigerian": (
        0.03,
        (
            "Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo", "Tunde",
            "Chiamaka", "Ifeanyi", "Yetunde",
        ),
        (
            "Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Ogunleye",
            "Obi", "Adebayo", "Uche",
        ),
    ),
}

#: Chinese names written in Chinese script, as ``(first, last, first in pinyin, last in
#: pinyin)``: the given name goes in First Name and the family name in Last Name.
CHINESE_SCRIPT_NAMES: tuple[tuple[str, str, str, str], ...] = (
    ("伟", "王", "Wei", "Wang"), ("静", "李", "Jing", "Li"), ("敏", "张", "Min", "Zhang"),
    ("磊", "刘", "Lei", "Liu"), ("洋", "陈", "Yang", "Chen"), ("婷", "杨", "Ting", "Yang"),
    ("军", "黄", "Jun", "Huang"), ("丽", "赵", "Li", "Zhao"), ("强", "吴", "Qiang", "Wu"),
    ("娜", "周", "Na", "Zhou"),
)

#: The first people of every sample, as ``(first, last, first in Latin script, last in Latin
#: script)``: non-ASCII, Chinese-script, comma and duplicate names.
PLANTED_NAMES: tuple[tuple[str, str, str, str], ...] = (
    ("José", "Núñez", "José", "Núñez"),
    ("Zoë", "Lefèvre", "Zoë", "Lefèvre"),
    ("伟", "王", "Wei", "Wang"),
    ("Jane", "Doe, MBA", "Jane", "Doe, MBA"),
    ("Søren", "Højgaard", "Søren", "Højgaard"),
    ("Siobhán", "O'Neill", "Siobhán", "O'Neill"),
    ("Michael", "Smith", "Michael", "Smith"),
    ("Michael", "Smith", "Michael", "Smith"),
)

#: Last names of address-book entries who are not on LinkedIn (with English first names).
ADDRESS_BOOK_LAST_NAMES: tuple[str, ...] = (
    "Holt", "Avery", "Quill", "Marsh", "Penrose", "Calloway",
)

#: Suffixes some people append to their last name, comma included (``Jane Doe, MBA``).
CREDENTIALS: tuple[str, ...] = (", MBA", ", PhD", ", CFA", ", PMP", ", CPA", ", MSc")

#: Employers. A few carry a comma, an ampersand or non-ASCII letters, as real ones do.
COMPANIES: tuple[str, ...] = (
    "Northwind Analytics", "Contoso", "Fabrikam", "Globex, Inc.", "Initech", "Umbrella Health",
    "Acme Logistics", "Blue Yonder Labs", "Vandelay Industries", "Hooli", "Stark Mobility",
    "Wayne Capital", "Soylent Foods", "Cyberdyne Systems", "Tyrell Biotech", "Massive Dynamic",
    "Wonka Brands", "Oscorp Energy", "Aperture Research", "Black Mesa", "Gringotts Bank",
    "Dunder Mifflin", "Sterling Cooper & Partners", "Pied Piper", "Ørsted", "Nestlé",
    "Société Générale", "Müller Logistik GmbH", "Björk & Dahl", "Telefónica", "Siemens",
    "Novo Nordisk", "Maersk", "Carlsberg Group", "Vestas", "Zalando", "Spotify", "Klarna",
    "Adyen", "Booking.com", "ASML", "Infosys", "Tata Consultancy Services", "Wipro",
    "Accenture", "Deloitte", "PwC", "KPMG", "EY", "McKinsey & Company", "Boston Consulting Group",
    "Microsoft", "Google", "Amazon Web Services", "Meta", "Salesforce", "SAP", "Oracle",
    "Shopify", "Stripe", "Datadog", "Snowflake", "Databricks", "HubSpot", "Atlassian",
    "Freelance", "Self-employed", "Stealth Startup", "University of Copenhagen",
    "Technical University of Denmark", "Universidad Politécnica de Madrid", "ETH Zürich",
    "Lumen Data Co.", "Brightwave AI", "Quantic Retail", "Meridian Health, LLC", "Polar Pay",
    "Tidewater Shipping", "Helio Solar", "Kestrel Security", "Orchid Pharma", "Atlas Freight",
)

#: Job titles.
POSITIONS: tuple[str, ...] = (
    "Data Scientist", "Senior Data Scientist", "Data Engineer", "Senior Data Engineer",
    "Machine Learning Engineer", "Analytics Engineer", "Data Analyst", "Head of Data",
    "VP Engineering", "CTO", "Co-Founder & CEO", "Founder", "Product Manager",
    "Senior Product Manager", "Engineering Manager", "Software Engineer",
    "Senior Software Engineer", "Staff Engineer", "Principal Engineer", "Solutions Architect",
    "Consultant", "Senior Consultant", "Partner", "Account Executive",
    "Business Development Manager", "Sales Director", "Talent Acquisition Partner",
    "Technical Recruiter", "Recruitment Consultant", "HR Business Partner", "UX Designer",
    "Research Scientist", "PhD Candidate", "Professor", "Lecturer", "Marketing Manager",
    "Growth Lead", "Customer Success Manager", "Operations Manager", "Project Manager",
    "Scrum Master", "Product Owner", "BI Developer", "Statistician", "Quantitative Analyst",
    "Financial Analyst", "Investor", "Board Member", "Student", "Intern",
)

#: Skills the owner is endorsed for, or endorses others for.
SKILLS: tuple[str, ...] = (
    "Python", "SQL", "Machine Learning", "Data Analysis", "Statistics", "pandas",
    "Data Visualization", "Apache Spark", "Leadership", "Team Management", "Public Speaking",
    "Product Management", "Stakeholder Management", "Cloud Computing", "dbt", "R",
    "Deep Learning", "Data Engineering", "Agile Methodologies", "Business Intelligence",
)

#: Schools for Education.csv.
SCHOOLS: tuple[tuple[str, str], ...] = (
    ("Lund University", "Bachelor of Science (BSc), Mathematical Statistics"),
    ("Technical University of Denmark", "Master of Science (MSc), Data Science"),
)

#: Event names (the owner's events).
EVENT_NAMES: tuple[str, ...] = (
    "Copenhagen Data Summit", "PyData Copenhagen Meetup", "Women in Data Nordics",
    "Analytics Leaders Roundtable", "Open Source Data Day",
)

#: Titles of named group conversations (many groups have no title).
GROUP_TITLES: tuple[str, ...] = (
    "Offsite planning", "PyData Copenhagen organisers", "Book club: Thinking in Systems",
    "Data Summit speakers", "Old Maersk analytics crew", "Hackathon team 🚀",
    "Mentoring circle", "Friday lunch",
)

#: Members the owner follows who are not necessarily connections: ``(first, last)``.
FOLLOWED_MEMBERS: tuple[tuple[str, str], ...] = (
    ("Cora", "Blackwood"), ("Idris", "Valente"), ("Marisol", "Quintero"), ("Bastian", "Frei"),
    ("Nkechi", "Obiora"), ("Teodoro", "Marchetti"), ("Linnea", "Vik"), ("Rafe", "Okonedo"),
)

#: Meeting arrangements, planted in close relationships (``{first}`` = the other person).
MEETINGS: tuple[str, ...] = (
    "Coffee next week? Tuesday morning works for me.",
    "Shall we jump on a call on Thursday? Here's a Zoom link: https://zoom.us/j/5550100",
    "Lunch on Friday? I'm near the office.",
    "Let's meet at the conference, I'll be at the Helio booth.",
    "Great seeing you at coffee today, {first}!",
    "Can we do a quick video call this week?",
)

#: Messages that move the relationship off LinkedIn (``{email}`` = the other person's email).
OFF_PLATFORM: tuple[str, ...] = (
    "Easier by email: {email}",
    "Here's my personal email, {email}, let's continue there.",
    "Drop me a line at {email} and I'll forward the slides.",
    "My number is +1 202 555 0143 if that's easier. Email also works: {email}",
)

#: Pitches sent right after connecting (``{first}`` = the recipient's first name).
PITCHES: tuple[str, ...] = (
    "Hi {first}, thanks for connecting! Do you have 15 minutes for a quick call to show you "
    "our platform? We help data teams cut cloud costs by 40%.",
    "Hi {first}, I noticed you lead the data team. Would you be open to a quick demo of our "
    "AI-powered analytics platform? Happy to send a calendar link.",
    "Thanks for accepting my invitation, {first}! We're offering a free trial of our "
    "outsourcing services this month. Can I book a short call to walk you through pricing?",
    "Hi {first}, great to connect. I help leaders like you grow revenue with done-for-you "
    "lead generation. Are you free for a 10 minute call this week?",
    "{first}, quick one: we've built a tool that automates your data pipelines end to end. "
    "Worth a 20 minute demo?",
)

#: Follow-ups to unanswered pitches.
PITCH_FOLLOW_UPS: tuple[str, ...] = (
    "Just bumping this to the top of your inbox 🙂",
    "Hi {first}, following up on my last message, any interest in a quick call?",
    "I'll take that as a no for now, feel free to reach out anytime!",
)

#: LinkedIn's old default invitation note: a note, but a template.
DEFAULT_NOTE = "I'd like to add you to my professional network on LinkedIn."

#: One copy-pasted note, lightly edited between uses (``{first}`` = recipient's first name).
TEMPLATE_NOTE_VARIANTS: tuple[str, ...] = (
    "Hi {first}, I'm expanding my network of data professionals and would love to connect!",
    "Hi {first}, I'm expanding my network of data professionals and would love to connect.",
    "Hi {first}! I'm expanding my network of data professionals and would love to connect!",
    "Hello {first}, I'm expanding my network of data professionals and would love to connect!",
)

#: Personal invitation notes (``{first}``, ``{company}``, ``{event}``).
PERSONAL_NOTES: tuple[str, ...] = (
    "Hi {first}, great chatting after your talk at {event} — your point about ownership "
    "of data contracts stuck with me. Would love to stay in touch.",
    "{first}, we met at the {company} offsite last week. Thanks for the tips on hiring "
    "analytics engineers!",
    "Hi {first}, Søren suggested I reach out: we're both migrating to dbt and I'd love to "
    "compare notes. Are you open to a chat?",
    "Hi {first}, I enjoyed your post on experimentation at {company}. How do you handle "
    "novelty effects?",
)

#: Incoming invitation notes after the owner's job change or talk (``{event}``).
CONGRATS_NOTES: tuple[str, ...] = (
    "Congrats on the new role! Would love to connect.",
    "Loved your talk at {event}, would be great to connect.",
    "Hi, I was in the audience at {event} — thanks for sharing your playbook.",
    "Saw your post about the new position, congratulations!",
)

#: Recruiter InMails (``{first}`` = owner's first name).
RECRUITER_INMAILS: tuple[tuple[str, str], ...] = (
    (
        "Exciting Head of Data opportunity",
        "Hi {first},&nbsp;I came across your profile and I&rsquo;m impressed by your "
        "background. We&rsquo;re hiring a Head of Data for a fast-growing scale-up. Open to "
        "a confidential chat?",
    ),
    (
        "Principal Data Scientist role, remote",
        "Hi {first}, I'm working on a Principal Data Scientist search for a climate-tech "
        "company. Fully remote, strong equity. Would you be open to hearing more?",
    ),
    (
        "Your background + our team",
        "Hello {first},\n\nYour experience building data platforms caught my eye. We're "
        "growing the analytics org and I'd love to share details.\n\nBest regards",
    ),
)

#: Sponsored message bodies (HTML, ``%FIRSTNAME%`` placeholders as LinkedIn writes them).
SPONSORED_BODIES: tuple[tuple[str, str], ...] = (
    (
        "%FIRSTNAME%, unlock your next career move",
        '<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%,</p>'
        '<p class="spinmail-quill-editor__spin-break">Our Executive MBA in Data Leadership '
        "starts in September. Join 4,000 alumni who lead data teams worldwide.</p>"
        '<p class="spinmail-quill-editor__spin-break">Download the brochure today.</p>',
    ),
    (
        "Invitation: Cloud Cost Summit 2026",
        '<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%,</p>'
        '<p class="spinmail-quill-editor__spin-break">You&#39;re invited to our free virtual '
        'summit on cutting cloud costs. <a href="https://example.com/summit">Save your '
        "seat</a>.</p>",
    ),
    (
        "%FIRSTNAME%, a quick question",
        '<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%,</p>'
        '<p class="spinmail-quill-editor__spin-break">Leaders at companies like yours use '
        "our platform to hire 3x faster. Want to see how?</p>",
    ),
)

#: Invitation notes from people who pitch right after connecting.
PITCH_NOTES: tuple[str, ...] = (
    "Hi {first}, I help data leaders cut their cloud bill. Let's connect!",
    "Hi {first}, I'd love to show you how we help teams like yours grow. Open to connecting?",
    "{first}, always looking to connect with leaders in analytics. Would love to share what "
    "we're building.",
)

#: The owner's short answers to pitches and recruiters.
POLITE_DECLINES: tuple[str, ...] = (
    "Thanks, but not interested right now.",
    "Thanks for reaching out, I'm happy where I am for now.",
    "Appreciate it, but we're covered on this front.",
    "Sure, send me a link and I'll take a look.",
)

#: Answers to the owner's own pitches.
PITCH_ANSWERS: tuple[str, ...] = (
    "Not interested, thanks.",
    "Sure, send me some info.",
    "We already use something similar, but thanks.",
)

#: The owner's own pitch, sent right after connecting (``{first}``).
OWNER_PITCHES: tuple[str, ...] = (
    "Hi {first}, thanks for connecting! We're hiring two senior data engineers at Helio "
    "Solar. Would you be open to a quick call about the role?",
    "Hi {first}, great to connect. Could you refer me to someone on your platform team? We're "
    "looking for a partner for our data platform and I'd love a 20 minute call.",
)

#: Unsent drafts (the empty string is a draft with no text).
DRAFTS: tuple[str, ...] = (
    "Hey, quick question about", "Thanks so much for", "", "Hi! Are you free for a call on",
    "",
)

#: The owner's posts: ``(text, shared url)``. ``\n`` is a real line break.
POSTS: tuple[str, ...] = (
    "Three things I learned migrating 400 dbt models:\n1. Test the contracts, not the code.\n"
    "2. Name owners.\n3. Delete more than you add.",
    "We're hiring! Two senior data engineers, Copenhagen or remote. DM me.",
    "Hot take: most dashboards should be emails.",
    "Great panel today on data mesh, thanks to everyone who joined.",
    "Our team just open-sourced our pipeline templates. Feedback welcome!",
    "Reading list for the summer: Thinking in Systems, The Goal, and Team Topologies.",
    "Five years at the company today. Grateful for the people, the problems, and the coffee.",
    "A short thread on why your data team needs a product manager.\nSpoiler: nobody owns the "
    "roadmap otherwise.",
)

#: The owner's comments on other people's posts. Some span several lines.
COMMENTS: tuple[str, ...] = (
    "Great post!",
    "Congratulations, well deserved!",
    "This is spot on, thanks for sharing.",
    "Couldn't agree more. We saw the same thing when we moved to dbt.",
    "Love this",
    "So true",
    "Thanks for the mention!",
    "Brilliant talk yesterday",
    "Interesting, how did you handle late-arriving data?",
)

#: Multi-line comments without a comma: LinkedIn writes them unquoted, so their later lines
#: become stray rows of Comments.csv.
MULTILINE_COMMENTS_NO_COMMA: tuple[str, ...] = (
    "Great summary\nThe second point is the one people miss\nThanks for writing it up",
    "Congrats on the launch!\nWell deserved 🎉",
    "This matches what we see\nOwnership beats tooling every time",
)

#: Comments with a comma and quotes (LinkedIn's 2026 files escape the quotes as ``\\"``).
QUOTED_COMMENTS: tuple[str, ...] = (
    'Agreed, "data contracts" are the real unlock here.',
    'Nice one, I\'d add "delete unused models" to the list.',
)

#: Multi-line comments with a comma (quoted, so they stay one record).
MULTILINE_COMMENTS_WITH_COMMA: tuple[str, ...] = (
    "Well said, Søren.\nWe tried the same approach last year and it worked.",
    "Thanks for sharing, this is gold.\nBookmarking for the team.",
)

#: Recommendation texts (``{first}`` = the recommended person, ``{company}``).
RECOMMENDATION_TEXTS: tuple[str, ...] = (
    "I had the pleasure of working with {first} at {company} for three years. {first} built "
    "our analytics platform from scratch, mentored half the team, and always asked the "
    "question nobody else dared to ask.",
    "{first} is one of the most thoughtful data people I know.\n\nThey turn vague questions "
    "into clear answers, and clear answers into decisions. Any team would be lucky to have her.",
    "I managed {first} for two years at {company}. Reliable, curious, and kind: a rare mix.",
    "{first} mentored me when I joined {company}, and I still use the checklists {first} "
    "taught me. Highly recommended!",
)

#: Prompts the owner typed to LinkedIn's AI learning coach, and its answers.
COACH_PROMPTS: tuple[str, ...] = (
    "How do I prepare for a staff engineer interview?",
    "Suggest a course on stakeholder management",
)
COACH_ANSWERS: tuple[str, ...] = (
    "Here are a few ways to prepare:\n- review system design basics\n- practise telling your "
    "impact stories\n- ask about the team's technical strategy",
    "You might like \"Managing Stakeholders Effectively\". It takes about an hour.",
)
# fmt: on
