/**
 * The canonical sources of troop-count claims: who a claim is from, however
 * the text names them ("südkoreanischer Geheimdienst", "NIS", "Seoul's spy
 * agency" and "the National Intelligence Service" are one source). Plain
 * data, documented in the README; `source.ts` matches an attribution
 * against it. Order matters: the first entry whose rule holds wins, so the
 * specific agencies come before their governments.
 *
 * A rule is a list of alternatives; an alternative is a list of patterns
 * that must all match the lower-cased attribution.
 */
import type { ClaimSource } from '../../claim.js';

export interface SourceEntry extends ClaimSource {
  rule: readonly (readonly RegExp[])[];
}

// Country cues, as adjectives, nouns and capitals in both languages.
const KR = /süd-?korea|south korea|seoul/u;
const UA = /ukrain|kyiv|kiew|kyjiw|kiev/u;
const US =
  /\bus\b|\bus-|u\.s\.|\busa\b|americ|amerikan|washington|united states|vereinigten staaten/u;
const UK =
  /\buk\b|british|britisch|\bbriten\b|großbritannien|britain|london|united kingdom|vereinigte[ns]? königreich|house of commons|house of lords|westminster/u;
const RU = /russ|moskau|moscow/u;

/**
 * Country cues a claimant without a country of its own takes from its
 * context ("the spy agency" in a story from Seoul), with the word that
 * gives the table that country.
 */
export const COUNTRY_CUES: readonly (readonly [RegExp, string])[] = [
  [KR, 'south korea'],
  [UA, 'ukraine'],
  [US, 'us'],
  [UK, 'british'],
  [RU, 'russia'],
];

const DEFENCE =
  /verteidigungsministeri|defen[cs]e ministry|ministry of (?:national )?defen[cs]e|defen[cs]e department|department of defen[cs]e|defen[cs]e secretary|verteidigungsminister|defen[cs]e minister|minister of (?:national )?defen[cs]e/u;
// Not a parliament's committee: "Mitglied des Geheimdienstausschusses",
// "the intelligence committee" are lawmakers.
const INTELLIGENCE =
  /geheimdienst(?!ausschuss)|nachrichtendienst|spy agency|intelligence(?! committee)|spionage/u;

export const SOURCE_TABLE: readonly SourceEntry[] = [
  {
    id: 'ua-president',
    name: 'President of Ukraine (Zelensky)',
    country: 'UA',
    rule: [
      [/zelensk|selensk|zelenskyy|selenskyj/u],
      // "der ukrainische Präsident", "Ukraine's head of state".
      [UA, /präsident|president|staatschef|head of state/u],
    ],
  },
  {
    id: 'ua-hur',
    name: 'Ukrainian military intelligence (HUR)',
    country: 'UA',
    rule: [
      [/\bhur\b|\bgur\b|budanov|budanow|yusov|jussow|jusow/u],
      [
        UA,
        /militärgeheimdienst|military intelligence|militärnachrichtendienst|defen[cs]e intelligence/u,
      ],
      // "Ukrainian intelligence" alone is the military one (the SBU is
      // named as such).
      [
        /^(?:ukrainian intelligence|ukraine's intelligence|ukrainische[nr]? (?:geheimdienst|geheimdienstes|geheimdienste))$/u,
      ],
      // "der Geheimdienst in Kiew", "Kyiv's intelligence service".
      [
        UA,
        /^(?!.*(?:\bsbu\b|security service|sicherheitsdienst)).*(?:geheimdienst|intelligence)/u,
      ],
    ],
  },
  {
    id: 'kr-nis',
    name: 'South Korean intelligence (NIS)',
    country: 'KR',
    rule: [
      [/\bnis\b/u],
      [/national intelligence service|nationale[nr]? nachrichtendienst/u],
      [KR, INTELLIGENCE],
    ],
  },
  {
    id: 'kr-jcs',
    name: "South Korea's Joint Chiefs of Staff",
    country: 'KR',
    rule: [
      [/\bjcs\b|joint chiefs/u],
      [/vereinigte[nrs]? generalstab|vereinigte[nrs]? stabschefs/u],
      [KR, /generalstab|stabschef/u],
    ],
  },
  {
    id: 'kr-mnd',
    name: 'South Korean defence ministry',
    country: 'KR',
    rule: [[KR, DEFENCE]],
  },
  // Outlets before governments: "der US-Sender CNN", "das ukrainische
  // Nachrichtenportal RBC-Ukraine" are media, whatever country they name.
  {
    id: 'media',
    name: 'A news outlet',
    country: null,
    rule: [
      [
        /yonhap|reuters|associated press|\bap\b|\bafp\b|\bdpa\b|\bbbc\b|\bcnn\b|new york times|wall street journal|washington post|financial times|\bbild\b|spiegel|kyiv independent|\bnhk\b|\bmedi(?:en|a)\b|news agency|nachrichtenagentur|zeitung|newspaper|sender|broadcaster|nachrichtenportal|portal\b|outlet|fernsehen|television|\btv\b|telegram-kanal|telegram channel|tages-anzeiger|\bnzz\b|neue zürcher|ukrajinska prawda|ukrainska pravda|\bnk news\b|daily nk|rechercheverbund|kyiv post|korea herald|joongang|chosun|guardian|bloomberg|politico|economist|euronews|al jazeera|\bnpr\b|sky news|\bard\b|\bzdf\b|tagesschau|deutschlandfunk|\bfaz\b|\bkyodo\b|interfax|\btass\b|\bria novosti\b|meduza|hankyoreh|global times|novaya gazeta|nowaja gaseta|ukrinform|\bunian\b|korea times|arirang|nikkei|south china morning post|\bscmp\b|asahi|yomiuri|xinhua/u,
        // The North's own agency and state media are its state's voice.
        // Unqualified "state media", "die Staatsagentur" are the North's
        // in a passage on its troops (see kp-gov).
        /^(?!.*(?:\bkcna\b|nordkorea|north korea|pjöngjang|pyongyang))(?!(?:the |die |das |der )?(?:state media|state television|state tv|staatsmedien|staatliche[n]? medien|staatsfernsehen|staatsagentur)$)/u,
      ],
    ],
  },
  // A US think tank before the US government ("die amerikanische
  // Denkfabrik ISW").
  {
    id: 'isw',
    name: 'Institute for the Study of War',
    country: 'US',
    rule: [[/institute for the study(?: of war)?|\bisw\b|kriegsstudien/u]],
  },
  {
    id: 'us-dod',
    name: 'US Department of Defense (Pentagon)',
    country: 'US',
    rule: [
      [/pentagon|department of defen[cs]e|defen[cs]e department|\bdod\b/u],
      [US, DEFENCE],
      [US, /defen[cs]e officials?|verteidigungskreise/u],
      [
        /lloyd (?:j\. )?austin|secretary austin|hegseth|\bryder\b|sabrina singh/u,
      ],
      // The Pentagon's own intelligence agency.
      [/defen[cs]e intelligence agency|\bdia\b/u],
      // Its commands and forces: "the commander of U.S. Forces Korea",
      // "das US-Militär".
      [/forces korea|\busfk\b|indopacom|indo-pacific command/u],
      [US, /military|militär|streitkräfte|armed forces|\bcommand\b/u],
    ],
  },
  {
    id: 'us-gov',
    name: 'US government (White House, State Department, US officials)',
    country: 'US',
    rule: [
      [
        /kirby|white house|matthew miller|mr\.? miller|wei(?:ß|ss)e[nms]? haus|state department|blinken|rubio|national security council|sicherheitsrat der usa|jake sullivan|director of national intelligence|\bodni\b/u,
      ],
      // "a senior Biden administration official", "die Trump-Regierung".
      [/\b(?:biden|trump)\b.*(?:administration|regierung)/u],
      [US],
    ],
  },
  {
    id: 'uk-mod',
    name: 'UK Ministry of Defence and British intelligence',
    country: 'GB',
    rule: [
      [UK, DEFENCE],
      [UK, INTELLIGENCE],
      // Britain's Defence Intelligence, by its own name.
      [/\bdefence intelligence\b/u],
      [/\bhealey\b/u],
      // Its own name, with no country: "the Ministry of Defence", "MoD".
      [/^(?:the )?(?:ministry of defence|mod)$/u],
      // The table has no other British entry: "London", "die Briten";
      // a think tank in London is not the government.
      [UK, /^(?!.*(?:institut|think tank|denkfabrik|\brusi\b))/u],
    ],
  },
  {
    id: 'nato',
    name: 'NATO',
    country: null,
    // "alliance officials", "das Bündnis": the alliance of this field.
    rule: [
      [/\bnato\b|rutte|stoltenberg|\balliance\b|bündnis/u],
      [/^(?:die |der )?(?:allianz|militärallianz)$/u],
    ],
  },
  {
    id: 'ru-kremlin',
    name: 'The Kremlin',
    country: 'RU',
    rule: [[/kreml|kremlin|peskov|peskow|putin/u]],
  },
  {
    id: 'kp-gov',
    name: 'North Korean state (KCNA)',
    country: 'KP',
    rule: [
      [/\bkcna\b|kim jong|zentrale nachrichtenagentur/u],
      [/^(?:north korea|nordkorea|pyongyang|pjöngjang)$/u],
      // The state's own outlets, unqualified in a passage on the North:
      // "state media said", "meldete die Staatsagentur".
      [
        /^(?:the |die |das |der )?(?:state media|state television|state tv|staatsmedien|staatliche[n]? medien|staatsfernsehen|staatsagentur)$/u,
      ],
      // "Nordkoreas Außenministerium", "North Korea's state media".
      [
        /nordkorea|north korea|pjöngjang|pyongyang|\bdprk\b/u,
        /ministeri|ministry|state media|staatsmedien|botschaft|embassy|state tv|state television|staatsfernsehen|staatsagentur|news agency|nachrichtenagentur/u,
      ],
    ],
  },
  {
    id: 'ua-gov',
    name: 'Ukrainian government and armed forces',
    country: 'UA',
    rule: [[UA], [/\bsbu\b|kowalenko|kovalenko|syrskyj|syrskyi/u]],
  },
  {
    id: 'ru-gov',
    name: 'Russian government',
    country: 'RU',
    rule: [
      [
        /schoigu|shoigu|lavrov|lawrow|sacharowa|zakharova|\bduma\b|staatsduma|kartapolow|kartapolov|beloussow|belousov|nebensja|nebenzia/u,
      ],
      [RU],
    ],
  },
  {
    id: 'kr-gov',
    name: 'South Korean government and lawmakers',
    country: 'KR',
    rule: [[KR], [/lee jae-?myung|yoon suk-?yeol|lee seong-?kweun/u]],
  },
];

/**
 * Claimants outside the table whatever country they name: bloggers speak
 * for no government ("Russische Militärblogger", "a Russian milblogger").
 */
export const UNLISTED_CLAIMANTS = /blogger/u;

/** The ids of the table, for `troopwatch claims --source`. */
export const SOURCE_IDS: readonly string[] = SOURCE_TABLE.map((e) => e.id);
