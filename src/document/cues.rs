//! Cue words: the titles and nouns that announce a name right after them.

use crate::clitic;

/// Titles of people (folded) that announce a name right after them, up to two words back
/// (`الرئيس`, `وزير`). A one-word fuzzy mention needs a cue, and after one of these alone
/// it is a person's name or a country's (`رئيسة الوزراء مطروحا` is no Matrouh).
pub(super) const PERSON_CUES: &[&str] = &[
    "الرييس",
    "رييس",
    "الوزير",
    "وزير",
    "وزيره",
    "السيد",
    "السيده",
    "الملك",
    "الامير",
    "امير",
    "الشيخ",
    "المستشار",
    "المستشاره",
    "النايب",
    "السفير",
    "الجنرال",
    "الفريق",
    "اللواء",
    "العقيد",
    "الزعيم",
    "المتحدث",
    "الناطق",
    "الدكتور",
    "المحلل",
    "الباحث",
    "مدير",
    "المدير",
    "الامين",
    "نظيره",
    "نظيرته",
    "الرييسه",
    "رييسه",
    "المرشد",
    "الجنرال",
    "القايد",
    "قايد",
    "المبعوث",
    "المندوب",
    "الكاتب",
    "الصحفي",
    "الصحفيه",
    "المراسل",
    "المراسله",
    "البابا",
];

/// Nouns (folded) for places (`مدينة`) and organisations (`وكالة`) that announce a name
/// right after them, up to two words back, as [`PERSON_CUES`] do.
pub(super) const THING_CUES: &[&str] = &[
    // places
    "مدينه",
    "بلده",
    "قريه",
    "العاصمه",
    "عاصمه",
    "محافظه",
    "ولايه",
    "اقليم",
    "منطقه",
    "جزيره",
    "ميناء",
    "مطار",
    // organisations
    "وكاله",
    "شركه",
    "صحيفه",
    "جريده",
    "مجموعه",
    "منظمه",
    "حزب",
    "حركه",
    "قناه",
    "موقع",
    "معهد",
    "مركز",
    "جامعه",
    "موسسه",
    "مجله",
];

/// Is the word with key `key` a cue, with or without a proclitic: (one of
/// [`PERSON_CUES`], one of [`THING_CUES`])? The fuzzy pass asks it of the two words before
/// a one-word window.
pub(super) fn cue_of(key: &str) -> (bool, bool) {
    clitic::candidates(key).fold((false, false), |(person, thing), c| {
        let stem = c.stem(key);
        (
            person || is_in(PERSON_CUES, stem),
            thing || is_in(THING_CUES, stem),
        )
    })
}

/// Titles and roles of people (folded): the words after one are a person's name (`النائب
/// فؤاد مخزومي`, `المخرج مارتن سكورسيزي`, `الشيخ صباح الأحمد`). With and without the article
/// (`رئيس الوزراء` is cued by `رئيس`).
pub(crate) const PERSON_TITLES: &[&str] = &[
    "الرييس",
    "رييس",
    "الرييسه",
    "رييسه",
    "الوزير",
    "وزير",
    "الوزيره",
    "وزيره",
    "النايب",
    "نايب",
    "النايبه",
    "السفير",
    "سفير",
    "السفيره",
    "الشيخ",
    "شيخ",
    "الشيخه",
    "الامير",
    "امير",
    "الاميره",
    "الملك",
    "الملكه",
    "السلطان",
    "السيد",
    "السيده",
    "الدكتور",
    "الدكتوره",
    "د",
    "المهندس",
    "المهندسه",
    "المحامي",
    "المحاميه",
    "القاضي",
    "القاضيه",
    "المستشار",
    "المستشاره",
    "الجنرال",
    "اللواء",
    "العميد",
    "العقيد",
    "المقدم",
    "الرايد",
    "النقيب",
    "الفريق",
    "المشير",
    "الاميرال",
    "الزعيم",
    "القايد",
    "المتحدث",
    "الناطق",
    "المبعوث",
    "المندوب",
    "المحافظ",
    "محافظ",
    "الحاكم",
    "حاكم",
    "العمده",
    "عمده",
    "المدير",
    "مدير",
    "المديره",
    "مديره",
    "الامين",
    "امين",
    "نظيره",
    "نظيرته",
    "الكاتب",
    "الكاتبه",
    "الصحفي",
    "الصحفيه",
    "الصحافي",
    "الصحافيه",
    "المراسل",
    "المراسله",
    "الناشط",
    "الناشطه",
    "الباحث",
    "الباحثه",
    "المحلل",
    "المحلله",
    "الخبير",
    "الخبيره",
    "الاستاذ",
    "الاستاذه",
    "البروفيسور",
    "الفنان",
    "الفنانه",
    "الممثل",
    "الممثله",
    "المخرج",
    "المخرجه",
    "المنتج",
    "المنتجه",
    "المطرب",
    "المطربه",
    "المغني",
    "المغنيه",
    "الشاعر",
    "الشاعره",
    "الروايي",
    "الروايه",
    "الناقد",
    "اللاعب",
    "لاعب",
    "اللاعبه",
    "المهاجم",
    "المدافع",
    "الحارس",
    "المدرب",
    "مدرب",
    "الحكم",
    "النجم",
    "النجمه",
    "البطل",
    "البطله",
    "المرشح",
    "المرشحه",
    "المرشد",
    "البابا",
    "الاب",
    "المطران",
    "الامام",
    "المفتي",
    "العضو",
    "عضو",
    "النواب",
    "السيناتور",
    "الحاخام",
    "المليادير",
    "رجل",
    "سيده",
    "المواطن",
    "المواطنه",
    "الطفل",
    "الطفله",
    "الشاب",
    "الشابه",
    "الشهيد",
    "الاسير",
    "المعتقل",
    "الراحل",
    "الراحله",
    "المحاسب",
    "المحاسبه",
    "التاجر",
];

/// Verbs that report what someone said or did, after which Arabic puts the subject (`وقال
/// محمد الحلبوسي`): a name right after one is a person's.
pub(super) const REPORTING_VERBS: &[&str] = &[
    "قال",
    "قالت",
    "اكد",
    "اكدت",
    "اعلن",
    "اعلنت",
    "اضاف",
    "اضافت",
    "اوضح",
    "اوضحت",
    "صرح",
    "صرحت",
    "اعتبر",
    "اعتبرت",
    "شدد",
    "شددت",
    "كشف",
    "كشفت",
    "ذكر",
    "ذكرت",
    "اشار",
    "اشارت",
    "افاد",
    "افادت",
    "ادان",
    "دعا",
    "دعت",
    "طالب",
    "طالبت",
    "نفي",
    "نفت",
    "حذر",
    "حذرت",
    "اختار",
    "اختارت",
    "انتخب",
    "انتخبت",
    "عين",
    "عينت",
    "التقي",
    "استقبل",
    "استقبلت",
    "زار",
    "زارت",
    "وصل",
    "وصلت",
    "غادر",
    "غادرت",
    "تراس",
    "يراس",
    "تراست",
    "احرز",
    "سجل",
    "اطلق",
    "انضم",
    "وقع",
    "وقعت",
];

/// Words inside a person's name that join its parts (`محمد بن راشد آل مكتوم`, `أبو
/// مازن`, `روبرت دي نيرو`): a name does not end on one.
pub(super) const NAME_JOINERS: &[&str] = &[
    "بن", "ابن", "بنت", "ابو", "ابي", "ام", "ال", "عبد", "دي", "دو", "دا", "فان", "فون", "لا", "لو",
    "ديل", "ولد",
];

/// The joiners of Arabic patronymics and kunyas (`بن`, `بنت`, `ولد`, `أبو`, `آل`): the word
/// after one is a word of the name, whatever it means as a word (`أشرف بن شرقي`, "eastern";
/// `أبو السعود`). Not `أم`, which is also "or", nor the particles of European names.
pub(super) const PATRONYMIC_JOINERS: &[&str] = &["بن", "ابن", "بنت", "ولد", "ابو", "ابي", "ال"];

/// Kunyas that start a person's name (`أبو بكر الساعدي`, `عن أبي بكر`), when a given or
/// family name follows.
pub(super) const KUNYAS: &[&str] = &["ابو", "ابي"];

/// Honorifics with the article that introduce the person an institution or a facility is
/// named after (`جامعة الملك سعود`, `مطار الشيخ زايد`).
pub(super) const HONORIFICS: &[&str] = &[
    "الملك",
    "الملكه",
    "الامير",
    "الاميره",
    "الشيخ",
    "الشيخه",
    "السلطان",
    "الامام",
    "الرييس",
];

/// Heads of organisations named after a person by an honorific (`جامعة الملك سعود`).
pub(super) const NAMED_AFTER_ORG_HEADS: &[&str] = &[
    "جامعه",
    "كليه",
    "معهد",
    "موسسه",
    "مدرسه",
    "اكاديميه",
    "صندوق",
    "جمعيه",
];

/// Heads of schools (folded), named after a person with no honorific (`ثانوية عبد الحميد
/// ابن باديس`, `متوسطة عبد الرحمان بن عوف`): the person's name after one is the school's.
pub(super) const SCHOOL_HEADS: &[&str] = &["ثانويه", "متوسطه", "اكماليه", "مدرسه", "ابتداييه"];

/// Heads of facilities and places named after a person by an honorific (`مستشفى الملك
/// خالد الجامعي`, `مركز الملك فهد الثقافي`, `مدينة الملك عبدالله الاقتصادية`).
pub(super) const NAMED_AFTER_PLACE_HEADS: &[&str] = &[
    "صاله",
    "قاعه",
    "مستشفي",
    "مركز",
    "مدينه",
    "مطار",
    "ملعب",
    "استاد",
    "مسجد",
    "جامع",
    "جسر",
    "شارع",
    "ميدان",
    "قاعده",
    "ميناء",
    "مجمع",
    "قصر",
    "حي",
    "طريق",
];

/// Women's given names (folded), written by the team: the person-name tokens
/// (`data/person_tokens_ar.tsv`, from Wikidata's people) hold few women, so `ريهام` and `رشا`
/// are seen in two and six names there, against hundreds for the men's names. Each counts
/// as a well attested given name. Names that are also common words (`أمل`, `نور`, `صباح`,
/// `إيمان`) are left out: their frequency as words decides.
pub(super) const FEMALE_GIVEN_NAMES: &[&str] = &[
    "امنه",
    "اميره",
    "اسيل",
    "بثينه",
    "جيهان",
    "حليمه",
    "خديجه",
    "خلود",
    "دينا",
    "ديما",
    "رانيا",
    "رباب",
    "رشا",
    "رنا",
    "رهام",
    "روان",
    "ريم",
    "ريهام",
    "زينب",
    "زهره",
    "ساره",
    "ساميه",
    "سعاد",
    "سلمي",
    "سلوي",
    "سمر",
    "سميره",
    "سناء",
    "سهي",
    "سوسن",
    "شاديه",
    "شيماء",
    "شيرين",
    "شرين",
    "صفيه",
    "عايشه",
    "عبير",
    "غاده",
    "غدير",
    "فاطمه",
    "فايزه",
    "فتحيه",
    "فدوي",
    "فريده",
    "فوزيه",
    "لبني",
    "لطيفه",
    "لمي",
    "لميس",
    "لينا",
    "ليلي",
    "مايا",
    "مريم",
    "منار",
    "مها",
    "ميساء",
    "ميار",
    "ناديه",
    "نجلاء",
    "نجوي",
    "نرمين",
    "نسرين",
    "نعيمه",
    "نهي",
    "نهال",
    "نوال",
    "نورا",
    "هاله",
    "هدي",
    "هند",
    "هيفاء",
    "وداد",
    "ياسمين",
    "يسرا",
    "يسري",
    "منال",
    "نزهه",
    "سلاف",
    "رولا",
    "رلي",
    "لجين",
    "بتول",
    "كوثر",
    "رزان",
    "ميرفت",
    "نيفين",
    "شريهان",
    "يارا",
    "سوزان",
    "هيام",
    "اسراء",
    "حفصه",
    "رقيه",
    "سكينه",
    "زهراء",
    "مروه",
    "نوف",
    "منيره",
    "موضي",
    "لولوه",
    "نوره",
    "مشاعل",
    "اروي",
    "جمانه",
    "ريما",
    "راويه",
    "رويدا",
    "نهله",
    "هنادي",
    "فيروز",
    "ماجده",
    "نبيله",
    "نادين",
    "داليا",
    "اسمهان",
];

/// Adjectives that describe a person between a title and the name (`المهاجم الجديد`,
/// `الفنان الراحل`, `الرئيس السابق`).
pub(super) const TITLE_ADJECTIVES: &[&str] = &[
    "الجديد",
    "الجديده",
    "السابق",
    "السابقه",
    "الحالي",
    "الحاليه",
    "الاسبق",
    "الشاب",
    "الشابه",
    "المخضرم",
    "الصاعد",
    "الراحل",
    "الراحله",
    "الشهير",
    "الشهيره",
    "المعروف",
    "المعروفه",
    "القدير",
    "القديره",
    "الكبير",
    "الكبيره",
];

/// Ordinals with the article (folded): what is said of a person after the name (`النائب
/// الأول`), never a family name.
pub(super) const ORDINALS: &[&str] = &[
    "الاول",
    "الاولي",
    "الثاني",
    "الثانيه",
    "الثالث",
    "الثالثه",
    "الرابع",
    "الرابعه",
    "الخامس",
    "الخامسه",
    "السادس",
    "السادسه",
    "السابع",
    "السابعه",
    "الثامن",
    "الثامنه",
    "التاسع",
    "التاسعه",
    "العاشر",
    "العاشره",
    "الاخير",
    "الاخيره",
];

/// Titles of a division's governor (folded): the place named after one is the division,
/// not its city (`محافظ الإسكندرية` governs the governorate, `والي وهران` the province).
pub(super) const GOVERNOR_TITLES: &[&str] = &["محافظ", "والي", "حاكم"];

/// Parts of the day that are also given names (`صباح`): before a word of days (`صباح
/// اليوم`, `مساء الأحد`) they say when, and end the name before them.
pub(super) const DAY_PARTS: &[&str] = &["صباح", "مساء", "ظهر", "فجر", "ليله", "عصر"];

/// Words of days after a part of the day (folded).
pub(super) const DAY_WORDS: &[&str] = &[
    "يوم",
    "اليوم",
    "امس",
    "غد",
    "الغد",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
];

/// The first word of a compound given name (`عبد النبي`, `عبد اللطيف`): with a definite
/// word after it, it starts a person's name, though it is a joiner inside one.
pub(super) const COMPOUND_GIVEN_OPENERS: &[&str] = &["عبد"];

/// Words that make one name with the divine name after them (`جاب الله`, `عطا الله`, `فتح
/// الله`, `نصر الله`): after a given name the pair is a family name, though both words are
/// everyday ones.
pub(super) const DIVINE_NAME_COMPOUNDS: &[&str] = &[
    "عبد", "عطا", "عطاء", "جاب", "فتح", "نصر", "خير", "ضيف", "حسب", "عوض", "فضل", "رزق", "جار",
    "سعد", "حمد", "عز", "سيف", "نعمه", "ولي", "حرز", "هبه", "رحمه", "بركه", "صنع", "كرم", "جود",
];

/// The divine name, folded, the second word of a [`DIVINE_NAME_COMPOUNDS`] name.
pub(super) const DIVINE_NAME: &str = "الله";

/// Words that make one given name with `الدين` after them (`محيي الدين`, `نور الدين`,
/// `صلاح الدين`): the pair starts a person's name, or continues one.
pub(super) const DIN_COMPOUNDS: &[&str] = &[
    "نور", "صلاح", "محيي", "محي", "عز", "علاء", "بدر", "جمال", "شمس", "سيف", "تاج", "ضياء", "بهاء",
    "فخر", "كمال", "شرف", "زين", "عماد", "حسام", "خير", "نجم", "شهاب", "ناصر", "قطب", "معين",
    "نظام", "نصر", "سعد",
];

/// The second word of a [`DIN_COMPOUNDS`] name, folded.
pub(super) const DIN: &str = "الدين";

/// Nouns that head the name of an organisation and belong to it (`حزب العدالة والتنمية`,
/// `مجلس محافظة البصرة`, `جهاز قطر للاستثمار`, `بلدية أنقرة`): the mention spans head and
/// name.
pub(super) const ORG_HEADS: &[&str] = &[
    "حزب",
    "الحزب",
    "حركه",
    "الحركه",
    "تيار",
    "التيار",
    "جبهه",
    "الجبهه",
    "تحالف",
    "التحالف",
    "ايتلاف",
    "الايتلاف",
    "جماعه",
    "الجماعه",
    "جمعيه",
    "الجمعيه",
    "مجلس",
    "المجلس",
    "هييه",
    "الهييه",
    "لجنه",
    "اللجنه",
    "وزاره",
    "الوزاره",
    "جهاز",
    "الجهاز",
    "بلديه",
    "البلديه",
    "محكمه",
    "المحكمه",
    "مفوضيه",
    "المفوضيه",
    "منظمه",
    "المنظمه",
    "اتحاد",
    "الاتحاد",
    "بنك",
    "البنك",
    "مصرف",
    "المصرف",
    "صندوق",
    "الصندوق",
    "بورصه",
    "البورصه",
    "سوق",
    "جامعه",
    "الجامعه",
    "معهد",
    "المعهد",
    "موسسه",
    "الموسسه",
    "مجموعه",
    "المجموعه",
    "نقابه",
    "النقابه",
    "اكاديميه",
    "الاكاديميه",
    "مستشفي",
    "سلطه",
    "السلطه",
    "مديريه",
    "المديريه",
    "مصلحه",
    "كتله",
    "الكتله",
    "قوات",
    "القوات",
    "جيش",
    "الجيش",
    "شرطه",
    "الشرطه",
    "لايحه",
    "اللايحه",
    "مكتب",
    "المكتب",
    // A chamber of commerce (`غرفة الرياض`, `غرفة تجارة وصناعة دبي`).
    "غرفه",
    // `دار الأوبرا المصرية`, `دار الإفتاء`; not `الدار`, which begins `الدار البيضاء`.
    "دار",
];

/// Adjectives of state bodies (folded): after a head with the article they make its name
/// (`المحكمة العليا`, `الهيئة العامة للمنافذ البرية والبحرية`, `البنك المركزي`), where a head
/// with the article and another adjective is a description (`الحزب الحاكم`).
pub(super) const OFFICIAL_ADJECTIVES: &[&str] = &[
    "العامه",
    "العام",
    "العليا",
    "الاعلي",
    "الوطنيه",
    "الوطني",
    "الاتحاديه",
    "الاتحادي",
    "المركزيه",
    "المركزي",
    "الدستوريه",
    "المستقله",
    "الملكيه",
    "الملكي",
];

/// Nouns that head the name of a sports competition (folded): the demonym after one is a word
/// of that name (`الدوري البرازيلي` is the Brazilian league, `كأس العالم` the World Cup), not
/// a mention of the country.
pub(super) const COMPETITION_HEADS: &[&str] =
    &["الدوري", "دوري", "كاس", "الكاس", "بطوله", "البطوله"];

/// Words of football copy (folded): a text with several of them is about a match or a
/// league, where a city's name alone is most often its club (`وافتتح إشبيلية التسجيل`).
pub(super) const SPORTS_WORDS: &[&str] = &[
    "مباراه",
    "المباراه",
    "الدوري",
    "دوري",
    "هدف",
    "هدفا",
    "الهدف",
    "هدفين",
    "اهداف",
    "الاهداف",
    "الدقيقه",
    "ملعب",
    "الملعب",
    "المرمي",
    "الشوط",
    "التعادل",
    "تعادل",
    "ركله",
    "الجزاء",
    "التسجيل",
    "المدرب",
    "مدرب",
    "اللاعب",
    "لاعب",
    "لاعبي",
    "المهاجم",
    "الحارس",
    "المنتخب",
    "منتخب",
    "النادي",
    "نادي",
    "الفريق",
    "فريق",
    "الموسم",
    "نقطه",
    "نقاط",
];

/// Words that relate what comes before them to another entity (folded): they end a name
/// (`جهاز المخابرات التابع للحوثيين` is the Houthis' intelligence service, described, and
/// `الحوثيين` a mention of its own).
pub(super) const RELATION_WORDS: &[&str] = &[
    "التابع",
    "التابعه",
    "الموالي",
    "المواليه",
    "المقرب",
    "المقربه",
    "المدعوم",
    "المدعومه",
];

/// Prepositions of place (folded): after one, a city's name is the city (`في إشبيلية`),
/// even in football copy.
pub(super) const PLACE_PREPOSITIONS: &[&str] = &["في", "الي", "نحو", "قرب", "داخل"];

/// Particles that a verb follows (folded): the word after one is read as a verb, not as the
/// first word of a name (`كما بات ثاني أغلى تعاقد`, "he also became the second…", where
/// `بات` is also Pat).
pub(super) const VERB_PARTICLES: &[&str] = &["قد", "لقد", "لم", "لن", "سوف", "كما"];

/// English words of companies' and clubs' names, transliterated (`باريك غولد`, `نيجيريا
/// ناشونال بتروليم`, `جنرال إلكتريك`, `مانشستر يونايتد`): Arabic news keeps them as written in
/// the name, and no Arabic word is spelt like them, so beside words of a name, or another of
/// them, they make the name an organisation's. Folded; each in its common spellings.
pub(super) const COMPANY_WORDS: &[&str] = &[
    "غولد",
    "جولد",
    "ناشونال",
    "ناشيونال",
    "ناشيونل",
    "انترناشونال",
    "انترناشيونال",
    "انترناشيونل",
    "بتروليم",
    "بتروليوم",
    "انرجي",
    "غروب",
    "جروب",
    "هولدينغ",
    "هولدنغ",
    "هولدينج",
    "هولدينغز",
    "كوربوريشن",
    "ليمتد",
    "كومباني",
    "تكنولوجيز",
    "سيستمز",
    "موتورز",
    "ايرلاينز",
    "ايرويز",
    // `فلاي دبي`, `فلاي ناس`: airlines.
    "فلاي",
    // Newspapers and channels (`إيطاليا سبورت`, `فوكس نيوز`).
    "سبورت",
    "سبورتس",
    "نيوز",
    "تايمز",
    "الكتريك",
    "فودز",
    "فارما",
    "ماينينغ",
    "ماينينج",
    "ريسورسز",
    "كابيتال",
    "بارتنرز",
    "انفستمنتس",
    "ورلد",
    "وورلد",
    "اندستريز",
    "انداستريز",
    "سيرفيسز",
    "شيبينغ",
    "لوجستيكس",
    "اويل",
    "تيليكوم",
    "تليكوم",
    "لابز",
    "بيكتشرز",
    "ستوديوز",
    "انترتينمنت",
    "يونايتد",
    "هوتسبير",
    "هوتسبر",
    "جنرال",
    // `هيرمس القابضة`: Arabic, but no other use than in the names of holding companies.
    "القابضه",
];

/// The Latin letters as Arabic news spells them out in acronyms (`سي إم إيه سي جي إم` is CMA
/// CGM, `دي بي ورلد` DP World), as written with harakat out and the hamza kept: folding would
/// make `إم` the everyday `أم`. None is an everyday word by itself.
pub(super) const LETTER_NAMES: &[&str] = &[
    "إيه",
    "ايه",
    "بي",
    "سي",
    "إف",
    "اف",
    "جي",
    "إتش",
    "اتش",
    "آي",
    "جيه",
    "كيه",
    "إل",
    "كيو",
    "آر",
    "إس",
    "اس",
    "تي",
    "يو",
    "دبليو",
    "إكس",
    "اكس",
    "إيكس",
    "واي",
    "زد",
];

/// Letters spelled out that are also words or particles of names (`إن`, "indeed"; `إم`
/// written for `أم`; `دي` of `روبرت دي نيرو`): in an acronym only beside a letter of
/// [`LETTER_NAMES`].
pub(super) const AMBIGUOUS_LETTER_NAMES: &[&str] = &["إم", "إن", "إي", "دي"];

/// An agency (folded): a descriptor outside a name (`وكالة بلومبيرغ`), but a word of a state
/// agency's name that says what it does and whose it is (`وكالة الأرصاد الجوية الصينية`).
pub(super) const AGENCY: &str = "وكاله";

/// Descriptors of companies (folded): a city's name and adjectives after one are the
/// company's name (`شركة دبي العالمية`).
pub(super) const COMPANY_DESCRIPTORS: &[&str] = &["شركه", "الشركه"];

/// Words for a language (folded): the demonym after one names the language (`اللغة
/// الإنجليزية`), which news annotation leaves out.
pub(super) const LANGUAGE_WORDS: &[&str] = &[
    "لغه",
    "اللغه",
    "لغتين",
    "اللغتين",
    "لغات",
    "اللغات",
    "لهجه",
    "اللهجه",
];

/// Words for a currency (folded): the demonym after one is a word of the currency's name
/// (`دولار أمريكي`, `جنيه مصري`), not a mention of the country. Not `ين` (yen): `بين`
/// ("between") reads as ب + `ين`.
pub(super) const CURRENCY_WORDS: &[&str] = &[
    "دولار",
    "دولارا",
    "دولارات",
    "الدولار",
    "جنيه",
    "جنيها",
    "الجنيه",
    "دينار",
    "دينارا",
    "الدينار",
    "ليره",
    "الليره",
    "يوان",
    "اليوان",
    "روبيه",
    "الروبيه",
    "فرنك",
    "الفرنك",
    "بيزو",
    "البيزو",
    "درهم",
    "درهما",
    "الدرهم",
    "ين",
    "الين",
];

/// Heads of the names of parties and chambers (folded): named by them and everyday words
/// (`حزب العمال`, `مجلس الشيوخ`), the body is one of any country, the text's own first.
/// Words that give a name (folded): a name in quotes after one is the name whole, of
/// what the head before them is (`اللائحة الأولى أطلق عليها اسم "بيروت بتجمعنا"`).
pub(super) const NAMING_WORDS: &[&str] = &["اسم", "باسم", "تسميه", "بتسميه", "مسمي"];

/// Nouns of a team's players and play (folded): in sports copy, a city's name right after
/// one is its club's (`هز شباك الرياض`, `مدرب الرياض`, `لمهاجمي الرياض`). Not `وسط`,
/// which is also a city's centre.
pub(super) const TEAM_NOUNS: &[&str] = &[
    "شباك",
    "دفاع",
    "هجوم",
    "مرمي",
    "حارس",
    "مدرب",
    "لاعب",
    "لاعبي",
    "لاعبو",
    "مهاجم",
    "مهاجمي",
    "مدافع",
    "مدافعي",
    "جماهير",
    "جمهور",
    "نجم",
    "نجوم",
    "قايد",
];

/// Words that begin the names of North African clubs before their town (folded):
/// `مولودية وجدة`, `شبيبة القبائل`, `نهضة بركان`, `أولمبيك آسفي`. In sports copy the town
/// after one is a word of the club's name.
pub(super) const CLUB_NAME_WORDS: &[&str] = &[
    "مولوديه",
    "شبيبه",
    "نهضه",
    "وفاق",
    "اولمبيك",
    "اتحاديه",
    "شباب",
    "رجاء",
    "ترجي",
];

/// Verbs and nouns of a match's result (folded): in sports copy the names after one, and
/// after `على`, `مع` or `أمام` that follows, are the two teams (`فاز لخويا على أم صلال`,
/// `بعد فوزه على الخريطيات`).
pub(super) const RESULT_WORDS: &[&str] = &[
    "فاز",
    "فوز",
    "فوزه",
    "فوزها",
    "تغلب",
    "تفوق",
    "تفوقه",
    "انتصر",
    "انتصاره",
    "هزم",
    "خسر",
    "خسارته",
    "تعادل",
    "تعادله",
];

/// The prepositions that name the other team after a result word (folded).
pub(super) const RESULT_PREPOSITIONS: &[&str] = &["علي", "مع", "امام"];

pub(super) const LEGISLATIVE_HEADS: &[&str] = &["حزب", "الحزب", "مجلس", "المجلس"];

/// Nouns that say what kind of organisation the name after them is, and stay outside the
/// mention (`نادي فلامنجو`, `شركة "دي بي ورلد"`, `وكالة بلومبيرغ`, `صحيفة "داون"`).
pub(super) const ORG_DESCRIPTORS: &[&str] = &[
    "نادي",
    "النادي",
    "فريق",
    "شركه",
    "الشركه",
    "وكاله",
    "الوكاله",
    "صحيفه",
    "الصحيفه",
    "جريده",
    "الجريده",
    "قناه",
    "القناه",
    "موقع",
    "الموقع",
    "منصه",
    "المنصه",
    "مجله",
    "المجله",
    "شبكه",
    "الشبكه",
    "اذاعه",
    "الاذاعه",
    "صفوف",
    "لصفوف",
];

/// Descriptors of sports clubs (folded): a city's name after one is the club's (`فريق
/// واتفورد`, `نادي إشبيلية`).
pub(super) const CLUB_DESCRIPTORS: &[&str] = &["نادي", "النادي", "فريق"];

/// Nouns for a facility that stay outside the mention of its name (`مصفاة "دانجوتي"`, `مجمع
/// "لولو-غونكوتو"`): the name is a place's, as a building's is.
pub(super) const FACILITY_DESCRIPTORS: &[&str] =
    &["مصفاه", "المصفاه", "منجم", "المنجم", "مجمع", "المجمع"];

/// Nouns for a place that stay outside the mention of a name they introduce (`إقليم
/// سيشوان`, `ولاية بيهار`, `دائرة أميتي`).
pub(super) const PLACE_HEADS: &[&str] = &[
    "مدينه",
    "المدينه",
    "بلده",
    "البلده",
    "قريه",
    "القريه",
    "ولايه",
    "ولايات",
    "الولايه",
    "محافظه",
    "المحافظه",
    "اقليم",
    "الاقليم",
    "مقاطعه",
    "المقاطعه",
    "مقاطعات",
    "محافظات",
    "اقاليم",
    "منطقه",
    "المنطقه",
    "جزيره",
    "الجزيره",
    "جزر",
    "نهر",
    "النهر",
    "بحيره",
    "البحيره",
    "جبل",
    "جبال",
    "مخيم",
    "المخيم",
    "حي",
    "الحي",
    "ضاحيه",
    "ناحيه",
    "قضاء",
    "دايره",
    "الدايره",
    "بلدات",
    "بلديات",
    "قري",
    "مدن",
    "العاصمه",
    "عاصمه",
    "واحه",
    "وادي",
    "صحراء",
];

/// Head words that say the name after them is a populated place (`مدينة مأرب`, the city).
pub(super) const CITY_HEADS: &[&str] = &[
    "مدينه",
    "المدينه",
    "بلده",
    "البلده",
    "قريه",
    "القريه",
    "بلدات",
    "مدن",
    "قري",
];
/// Head words that say the name after them is a first-level division (`ولاية كانو`).
pub(super) const DIVISION_HEADS: &[&str] = &[
    "ولايه",
    "الولايه",
    "ولايات",
    "محافظه",
    "المحافظه",
    "محافظات",
    "اقليم",
    "الاقليم",
    "اقاليم",
    "مقاطعه",
    "المقاطعه",
    "مقاطعات",
    "بلديات",
];

/// Plural heads of places, which govern every place of the list after them (`ولايات
/// "أويو"، "لاغوس" (جنوب غرب)، و"كانو"` are three states).
pub(super) const LIST_HEADS: &[&str] = &[
    "ولايات",
    "محافظات",
    "اقاليم",
    "مقاطعات",
    "بلديات",
    "مدن",
    "قري",
    "بلدات",
];

/// Words of direction that name a part of a place after its name (`الزاوية الجنوب`, the
/// municipality of Zawiya South; `كردفان الكبرى`) (folded).
pub(super) const DIRECTIONS: &[&str] = &[
    "الشمال",
    "الجنوب",
    "الشرق",
    "الغرب",
    "المركز",
    "الوسطي",
    "الشماليه",
    "الجنوبيه",
    "الشرقيه",
    "الغربيه",
    "الكبري",
];

/// Nouns for a facility whose name is built on another name and spanned whole, as a place
/// (`ميناء طرطوس`, `مطار بيروت`, `ملعب مركب محمد الخامس`).
pub(super) const FACILITY_HEADS: &[&str] = &[
    "ميناء",
    "مطار",
    "ملعب",
    "استاد",
    "مركب",
    "سد",
    "جسر",
    "سجن",
    "قاعده",
    "معبر",
    "مرفا",
    "قصر",
    "مسجد",
    "كنيسه",
];

/// Words that end the extent of a name: prepositions and particles.
pub(super) const STOPS: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "بين",
    "ضد",
    "حول",
    "لدي",
    "منذ",
    "خلال",
    "بعد",
    "قبل",
    "عند",
    "حتي",
    "او",
    "ثم",
    "لكن",
    "بل",
    "ان",
    "انه",
    "انها",
    "الذي",
    "التي",
    "الذين",
    "هو",
    "هي",
    "هم",
    "كان",
    "كانت",
    "قد",
    "لم",
    "لن",
    "لا",
    "ما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "كما",
    "حيث",
    "اذ",
    "اذا",
    "غير",
    "سوي",
    "عبر",
    "نحو",
    "دون",
    "رغم",
    "اليوم",
    "امس",
    "غدا",
];

/// Month names (folded), Levantine and Gregorian: `كانون الثاني` is January, not a person
/// whose given name is a word of names.
pub(super) const MONTHS: &[&str] = &[
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "ايلول",
    "تشرين",
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Is `stem` (a folded word, proclitics stripped) in `list`?
///
/// Asked of most words of every text, and the lists' words share their lengths and first
/// letters: the last byte is compared before the rest, which spares most calls to the
/// library's byte comparison.
pub(super) fn is_in(list: &[&str], stem: &str) -> bool {
    let stem = stem.as_bytes();
    let Some(last) = stem.last() else {
        return list.contains(&"");
    };
    list.iter().any(|w| {
        let w = w.as_bytes();
        w.len() == stem.len() && w.last() == Some(last) && w == stem
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::ortho_key;

    /// Every list is stored as the text's words are keyed, or it would never match.
    #[test]
    fn letter_names_are_stored_bare() {
        let mut seen = std::collections::HashSet::new();
        for w in LETTER_NAMES.iter().chain(AMBIGUOUS_LETTER_NAMES) {
            assert_eq!(crate::keys::bare_key(w), *w, "{w} is not stored bare");
            assert!(seen.insert(w), "{w} is listed twice");
        }
    }

    #[test]
    fn lists_are_stored_folded() {
        let lists: &[(&str, &[&str])] = &[
            ("PERSON_CUES", PERSON_CUES),
            ("THING_CUES", THING_CUES),
            ("PERSON_TITLES", PERSON_TITLES),
            ("REPORTING_VERBS", REPORTING_VERBS),
            ("NAME_JOINERS", NAME_JOINERS),
            ("PATRONYMIC_JOINERS", PATRONYMIC_JOINERS),
            ("KUNYAS", KUNYAS),
            ("DAY_PARTS", DAY_PARTS),
            ("DAY_WORDS", DAY_WORDS),
            ("GOVERNOR_TITLES", GOVERNOR_TITLES),
            ("ORDINALS", ORDINALS),
            ("TITLE_ADJECTIVES", TITLE_ADJECTIVES),
            ("FEMALE_GIVEN_NAMES", FEMALE_GIVEN_NAMES),
            ("HONORIFICS", HONORIFICS),
            ("NAMED_AFTER_ORG_HEADS", NAMED_AFTER_ORG_HEADS),
            ("NAMED_AFTER_PLACE_HEADS", NAMED_AFTER_PLACE_HEADS),
            ("COMPOUND_GIVEN_OPENERS", COMPOUND_GIVEN_OPENERS),
            ("DIVINE_NAME_COMPOUNDS", DIVINE_NAME_COMPOUNDS),
            ("DIVINE_NAME", &[DIVINE_NAME]),
            ("DIN_COMPOUNDS", DIN_COMPOUNDS),
            ("DIN", &[DIN]),
            ("AGENCY", &[AGENCY]),
            ("ORG_HEADS", ORG_HEADS),
            ("ORG_DESCRIPTORS", ORG_DESCRIPTORS),
            ("FACILITY_DESCRIPTORS", FACILITY_DESCRIPTORS),
            ("CLUB_DESCRIPTORS", CLUB_DESCRIPTORS),
            ("COMPANY_DESCRIPTORS", COMPANY_DESCRIPTORS),
            ("LANGUAGE_WORDS", LANGUAGE_WORDS),
            ("LEGISLATIVE_HEADS", LEGISLATIVE_HEADS),
            ("CURRENCY_WORDS", CURRENCY_WORDS),
            ("COMPANY_WORDS", COMPANY_WORDS),
            ("OFFICIAL_ADJECTIVES", OFFICIAL_ADJECTIVES),
            ("COMPETITION_HEADS", COMPETITION_HEADS),
            ("VERB_PARTICLES", VERB_PARTICLES),
            ("SPORTS_WORDS", SPORTS_WORDS),
            ("PLACE_PREPOSITIONS", PLACE_PREPOSITIONS),
            ("RELATION_WORDS", RELATION_WORDS),
            ("PLACE_HEADS", PLACE_HEADS),
            ("FACILITY_HEADS", FACILITY_HEADS),
            ("STOPS", STOPS),
            ("MONTHS", MONTHS),
            ("CITY_HEADS", CITY_HEADS),
            ("DIVISION_HEADS", DIVISION_HEADS),
            ("LIST_HEADS", LIST_HEADS),
            ("DIRECTIONS", DIRECTIONS),
            ("NAMING_WORDS", NAMING_WORDS),
            ("TEAM_NOUNS", TEAM_NOUNS),
            ("CLUB_NAME_WORDS", CLUB_NAME_WORDS),
            ("SCHOOL_HEADS", SCHOOL_HEADS),
            ("RESULT_WORDS", RESULT_WORDS),
            ("RESULT_PREPOSITIONS", RESULT_PREPOSITIONS),
        ];
        for (name, list) in lists {
            for w in *list {
                assert_eq!(ortho_key(w), *w, "help: {name} holds an unfolded word");
            }
        }
    }

    /// A word is in one role only: a title is not also an organisation's head.
    #[test]
    fn roles_do_not_overlap() {
        for w in ORG_HEADS.iter().chain(ORG_DESCRIPTORS) {
            assert!(!FACILITY_DESCRIPTORS.contains(w), "{w}");
        }
        for w in CLUB_DESCRIPTORS {
            assert!(ORG_DESCRIPTORS.contains(w), "{w}");
        }
        for w in ORG_HEADS {
            assert!(!ORG_DESCRIPTORS.contains(w), "{w}");
            assert!(!PLACE_HEADS.contains(w), "{w}");
        }
        // The heads that rank namesakes are heads of places.
        for w in CITY_HEADS.iter().chain(DIVISION_HEADS) {
            assert!(PLACE_HEADS.contains(w), "{w}");
        }
        for w in LIST_HEADS {
            assert!(CITY_HEADS.contains(w) || DIVISION_HEADS.contains(w), "{w}");
        }
        for w in PERSON_TITLES {
            assert!(!ORG_HEADS.contains(w) && !PLACE_HEADS.contains(w), "{w}");
        }
        // Honorifics are titles of people.
        for w in HONORIFICS {
            assert!(PERSON_TITLES.contains(w), "{w}");
        }
        // Patronymic joiners and kunyas are joiners: a name does not end on one.
        for w in PATRONYMIC_JOINERS
            .iter()
            .chain(KUNYAS)
            .chain(COMPOUND_GIVEN_OPENERS)
        {
            assert!(NAME_JOINERS.contains(w), "{w}");
        }
        // A company word is part of a name, never a cue outside it.
        for w in COMPANY_WORDS {
            assert!(
                !ORG_HEADS.contains(w) && !ORG_DESCRIPTORS.contains(w),
                "{w}"
            );
            assert!(!PERSON_TITLES.contains(w) && !STOPS.contains(w), "{w}");
        }
    }
}
