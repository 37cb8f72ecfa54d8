// Word lists the rules use. General English newswire vocabulary, not the three documents' sentences.
// Speech cue verbs and nouns follow PARC 3.0's attribution cues; the outlet and country lists are gazetteers.

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Reporting verbs in any inflection (the finite forms head a cue; -ing forms introduce participial cues). */
export const CUE_VERBS = words(`
  say says said saying tell tells told telling add adds added adding ask asks asked state states stated
  declare declares declared announce announces announced explain explains explained insist insists insisted
  maintain maintains maintained claim claims claimed claiming argue argues argued arguing note notes noted
  warn warns warned warning write writes wrote report reports reported reply replied respond responded
  acknowledge acknowledged admit admitted concede conceded confirm confirmed confirming deny denies denied denying
  describe describes described recall recalled suggest suggested urge urged caution cautioned complain complained
  predict predicted promise promised vow vowed pledge pledged stress stressed emphasize emphasized emphasise
  emphasised continue continued read reads denounce denounced denouncing allege alleged alleging estimate estimated
  contend contended assert asserted believe believes believed concluded testify testified tweeted posted
  mention mentioned observe observed remark remarked reiterate reiterated chanted shouted yelled shouts yells
  chants screamed screams exclaimed exclaims`);

/** Verbs that report by a document rather than a person: "the statement read". */
export const DOCUMENT_NOUNS = words("statement report letter communique communiqué memo release message");

/**
 * Documents that are no speaker: what a report, a survey or a complaint says is the writer's account of a source,
 * not a statement someone made ("according to agency figures", "a study by economists found that …"). A statement,
 * a letter or a release stays its author's words ("the statement read").
 */
export const DOCUMENT_SOURCES =
  words(`report reports survey surveys study studies data figures statistics records
  complaint complaints filing filings document documents papers minutes audit audits assessment assessments
  analysis timeline estimate estimates poll polls census transcript transcripts indictment lawsuit affidavit
  review inquiry investigation findings spreadsheet database website form forms consultation questionnaire numbers`);

/**
 * Head nouns of unnamed descriptions that are no person: bodies and documents ("the local chamber of commerce",
 * "a timeline provided by the union", "that assessment"). "He" or "she" never names them.
 */
export const NON_PERSON_HEADS =
  words(`statement report letter communique communiqué memo release message company firm
  group council authority agency ministry department union party trust board club district operator airline bank
  hospital university school government office commission carrier insurer retailer zoo museum charity team league
  regulator developer utility manufacturer chamber service timeline assessment audit survey study review analysis
  data figures records complaint filing form website account post page notice sign placard document documents
  papers minutes`);

/** Cue nouns (PARC): "comments by X that …", "X's claim that …". */
export const CUE_NOUNS = words(
  "comments comment claim claims remarks assertion assertions warning warnings words",
);

export const HONORIFICS =
  words(`Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr Miss Col. Colonel Gen. General Lt. Sgt. Capt. Maj. Sen. Rep. Gov.
  Prof. Adm. Sheikh Sir Lord Lady Rev. President Prince King Queen Judge Justice Mayor Councillor Councilwoman Councilman`);

/** Title words that describe a role rather than name a person. */
export const TITLE_WORDS =
  words(`President Prime Minister Foreign Defence Defense Interior Finance Secretary Chairman
  Chairwoman Chief Spokesman Spokeswoman Spokesperson Ambassador Envoy Commander General Colonel Leader Head Director
  Governor Mayor Senator Representative Chancellor Deputy Vice Senior Minister's Coach Manager Captain Judge Inspector
  Superintendent Officer Professor Dr. Council Councillor Executive Sergeant Detective Councilmember Commissioner
  Sheriff Trooper Constable Majority Minority Organizer Organiser Councilman Councilwoman Whip Assemblyman
  Assemblywoman Congressman Congresswoman Lawmaker Economist Analyst Forecaster Correspondent Editor Rector Pastor
  Bishop Dean Provost Principal Lieutenant Owner Founder Resident Chef Nurse Teacher Student Lawyer Attorney Activist
  Campaigner Volunteer Landlord Tenant Commuter Passenger Shopkeeper Fisherman Farmer Driver Det Insp Supt DCI DI DS
  PC Cllr MP MSP MEP Striker Midfielder Defender Goalkeeper Winger`);

/** Organisation head words: a capitalised name ending in one of these names an organisation. */
export const ORG_HEADS =
  words(`Council Office Court Nations Union Party Committee Agency Army Brigade Brigades Front
  Government Ministry Department Bank Company Corp. Corporation Inc. Organization Organisation Association Commission
  Parliament Assembly Hospital University Police Service Board Authority Institute Foundation Club Federation League
  Group Forces Navy Congress Senate Cabinet Alliance Coalition Movement Trust Network Society Center Centre School
  Foods Airways Airlines Therapeutics Pharmaceuticals Petroleum Terminals Ferries Securities Energy Motors Holdings
  Ltd Ltd. PLC plc LLC Industries Laboratories Logistics Shipping Mining Insurance Utilities Railways Buses Kitchens
  Athletic Rovers Zoo Museum College Infirmary Living Marathon Festival Events Minerals Resources Partners Media
  Systems Technologies`);

/** News outlets (names and their usual short forms). */
export const OUTLETS: Record<string, string[]> = {
  Reuters: ["Reuters", "the Reuters news agency", "Reuters news agency"],
  "The Associated Press": [
    "The Associated Press",
    "the Associated Press",
    "Associated Press",
    "The A.P.",
    "the A.P.",
    "AP",
    "A.P.",
  ],
  "Agence France-Presse": ["Agence France-Presse", "AFP", "A.F.P."],
  "The Guardian": ["the Guardian", "The Guardian", "the Guardian newspaper"],
  "The New York Times": ["The New York Times", "the New York Times"],
  "The Washington Times": ["The Washington Times", "the Washington Times"],
  "The Washington Post": ["The Washington Post", "the Washington Post"],
  "The Christian Science Monitor": [
    "The Christian Science Monitor",
    "the Christian Science Monitor",
    "the Monitor",
  ],
  "The Times": ["The Times", "the Times"],
  BBC: ["BBC", "the BBC", "B.B.C."],
  CNN: ["CNN"],
  "Al Jazeera": ["Al Jazeera", "Al-Jazeera"],
  Bloomberg: ["Bloomberg", "Bloomberg News"],
};

export const COUNTRIES =
  words(`Libya Egypt Tunisia Algeria Morocco Sudan Chad Niger Italy France Britain England Germany
  Spain Qatar Turkey Syria Iraq Iran Israel Jordan Lebanon Yemen Oman Kuwait Bahrain Russia China Japan India Pakistan
  Afghanistan Canada Mexico Brazil Greece Malta Belgium Netherlands Sweden Norway Denmark Poland Ukraine Nigeria Kenya
  Ethiopia Somalia America Ireland Scotland Wales Portugal Austria Switzerland`);

/** Words before a capitalised name that say it is a place. */
export const LOCATIVES = words(
  "in at from to near outside inside into toward towards across around of east west north south",
);

export const PRONOUNS: Record<string, "male" | "female" | "plural" | "neuter"> = {
  he: "male",
  she: "female",
  they: "plural",
  it: "neuter",
  we: "plural",
};

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
export const MONTHS = words(
  "January February March April May June July August September October November December",
);

/** Capitalised words that start sentences or titles but never names. */
export const NOT_NAMES =
  words(`The A An In On At For From To Of By With As And But Or If When While Though Although
  However Despite Even Also Last Next This That These Those Another Some Many Most Few Several Other Others News Read
  It He She They We I You His Her Their Our Its My Your There Here Then Now Today Yesterday After Before During Since
  Until Outside Inside Both Either Neither Not No Yes One Two Three Any All Each Every Such Western Eastern Northern
  Southern Meanwhile Later Earlier Still Yet Thus So Because Why What Who How Where Skip Continued Page Libyan Libyans British
  Italian French Turkish American European Arab African Sunday Monday Tuesday Wednesday Thursday Friday Saturday`);

export const DETERMINERS = words(
  "a an the one some two three several many members another any other this that those these",
);

/**
 * Common given names whose bearer "he" or "she" can be told from the name alone (names used for both are left
 * out: Alex, Jordan, Sam, Jean, Kim, Robin …). Used only to keep a pronoun from naming a person of the other sex.
 */
export const FEMALE_NAMES = new Set(
  `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
   dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen
   amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
   janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan
   cheryl martha andrea hannah jacqueline gloria teresa ann sara madison frances kathryn janice abigail alice judy
   sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie
   kayla alexis lori fiona morag moira eileen maureen brenda sheila margaret priya anjali aisha fatima leila layla hana
   mariam miriam nadia samira yasmin zainab amina noura ingrid astrid sigrid helga greta elena ana lucia sofia isabel
   carmen rosa marisol gabriela francesca giulia chiara irina olga natasha svetlana tatiana agnieszka katarzyna
   ngozi amara chioma folake grace latoya shauna keisha tamika ebony chloe ava mia zoe lily ella ruby poppy imogen
   harriet eleanor josephine rosemary brenda gwen bridget siobhan aisling niamh roisin kirsty shona catriona mhairi
   joanna joanne louise claire clare nora norah irma marlene lorraine
   sophie emmanuelle claudine brigitte monique mei ling yuki keiko hiroko sunita lakshmi deepa kavita meera
   jane kate katie lucy molly jenny ellen dana tina gina rita vera wendy yvonne yolanda beatriz ines`.split(
    /\s+/,
  ),
);
export const MALE_NAMES = new Set(
  `james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark
   donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
   nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
   jack dennis jerry tyler aaron henry adam douglas nathan peter zachary kyle walter harold jeremy ethan carl keith
   roger gerald christian terry sean arthur austin noah lawrence jesse joe bryan billy bruce albert willie gabriel
   logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny
   ian colin duncan angus hamish alasdair callum ewan fraser gordon graham malcolm neil stuart alistair kenneth
   liam sean seamus eamon eamonn colm declan ciaran kieran niall padraig conor cormac oisin fergus
   mohammed muhammad mohamed ahmed ahmad ali omar khalid hassan hussein ibrahim youssef yusuf mustafa mahmoud karim
   tariq idris farid abdel abdul rashid hamid said walid nabil samir faisal bilal jamal
   hans klaus jurgen dieter wolfgang stefan pieter jan lars erik anders nils sven olaf bjorn benedikt tomasz piotr
   pavel dmitri sergei ivan vladimir boris igor andrei jean-luc pierre jacques francois luc marco giuseppe luca
   giovanni antonio carlos jose luis miguel pedro rafael diego javier fernando jorge ricardo roberto felipe luis
   chinedu emeka oluwaseun tunde kwame kofi abebe daniel kiprop
   darnell marcus tyrone terrence dwayne andre
   gilbert harold herbert stanley leonard howard norman bernard clifford cecil reginald percy rupert nigel trevor
   derek dean mick gary lewis terry ray winston simon oliver harry alfie archie freddie jamie rhys owen dylan gareth
   hiroshi kenji takashi raj rajesh sanjay vikram arjun amit rahul`.split(/\s+/),
);
