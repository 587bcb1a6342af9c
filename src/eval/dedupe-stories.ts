/**
 * Base stories for the near-duplicate fixtures
 * (`tests/fixtures/dedupe/pairs.jsonl`, built by `dedupe-fixtures.ts`).
 *
 * Written for this project in news style, paraphrasing widely reported
 * public facts about North Korean troops in Russia; no text is copied from
 * any publication. People quoted by name are officials whose positions
 * were public; the quotes are paraphrases, not verbatim statements. Reporter
 * names are invented.
 */

export interface Story {
  id: string;
  lang: 'en' | 'de';
  /** Stories sharing a topic are "same topic, other story" pairs. */
  topic: string;
  headline: string;
  /** Second headline a syndicating site might use. */
  altHeadline: string;
  paragraphs: string[];
  /**
   * The same story updated with a new figure: a new lead and changed
   * paragraphs, the rest kept. Not a duplicate: it may carry a new claim.
   */
  update?: { headline: string; paragraphs: string[] };
  /** A short brief on the same event (not a duplicate of the long piece). */
  brief?: string;
  /** A closing paragraph a syndicating site might append. */
  extra: string;
  /** Id of the same story in the other language. */
  translationOf?: string;
}

export const STORIES: Story[] = [
  {
    id: 'en-nis-deploy',
    lang: 'en',
    topic: 'deployment',
    headline: 'Seoul says North Korea has sent thousands of troops to Russia',
    altHeadline:
      'South Korean spy agency: Pyongyang ships soldiers to aid Moscow',
    paragraphs: [
      "SEOUL – North Korea has begun sending soldiers to Russia to support Moscow's war against Ukraine, South Korea's National Intelligence Service said on Friday, estimating that around 12,000 troops could eventually be deployed.",
      'The agency said a first group of about 1,500 special forces soldiers had been carried on Russian navy transport ships from ports near the North Korean border to Vladivostok over the past week, with more transports expected soon.',
      'According to the intelligence service, the soldiers were issued Russian uniforms and weapons as well as forged identity papers that describe them as residents of remote Siberian regions, apparently to disguise their origin.',
      'Officials in Seoul said they had tracked the movements with satellite imagery and had shared their findings with allies. The deployment would mark the first time North Korea has sent a large ground force to take part in a foreign war.',
      "Ukraine's military intelligence had earlier reported that North Korean soldiers were being trained at bases in Russia's Far East. Kyiv warned that the troops could be sent to the front within weeks.",
      'The Kremlin dismissed the reports as fabricated, while North Korean state media did not comment. Moscow and Pyongyang signed a mutual defence treaty in June that obliges each side to help the other if attacked.',
      'South Korean President Yoon Suk Yeol convened an emergency security meeting and called the deployment a grave threat to the security of the Korean Peninsula and of the international community.',
    ],
    update: {
      headline:
        'Seoul raises estimate of North Korean troops in Russia to 11,000',
      paragraphs: [
        "SEOUL – More than 11,000 North Korean soldiers are now in Russia and some have moved to the front line in the Kursk region, South Korea's National Intelligence Service told lawmakers on Wednesday, sharply raising its count from a week earlier.",
        'Lawmakers who attended the closed-door briefing said the agency believed the troops had completed their training in the Far East and were being moved west by rail and military aircraft in several groups.',
        'According to the intelligence service, the soldiers were issued Russian uniforms and weapons as well as forged identity papers that describe them as residents of remote Siberian regions, apparently to disguise their origin.',
        'The agency added that it had observed signs that senior North Korean officers had travelled to the front to study combat conditions, and that a second rotation could follow early next year.',
        "Ukraine's military intelligence had earlier reported that North Korean soldiers were being trained at bases in Russia's Far East. Kyiv warned that the troops could be sent to the front within weeks.",
        'The Kremlin dismissed the reports as fabricated, while North Korean state media did not comment. Moscow and Pyongyang signed a mutual defence treaty in June that obliges each side to help the other if attacked.',
      ],
    },
    brief:
      "North Korea has started sending troops to Russia, South Korea's intelligence agency said on Friday. It estimated that about 12,000 soldiers could be deployed in total, starting with roughly 1,500 special forces shipped to Vladivostok. The Kremlin denied the report.",
    extra:
      "Analysts say the deployment could give North Korea's army its first combat experience in decades and bring Pyongyang Russian military technology in return.",
  },
  {
    id: 'de-nis-deploy',
    lang: 'de',
    topic: 'deployment',
    translationOf: 'en-nis-deploy',
    headline: 'Seoul: Nordkorea schickt Tausende Soldaten nach Russland',
    altHeadline:
      'Südkoreas Geheimdienst meldet Truppenentsendung nach Russland',
    paragraphs: [
      'SEOUL – Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes NIS damit begonnen, Soldaten nach Russland zu schicken, um Moskau im Krieg gegen die Ukraine zu unterstützen. Insgesamt könnten rund 12.000 Soldaten entsandt werden, hieß es am Freitag.',
      'Eine erste Gruppe von etwa 1.500 Angehörigen von Spezialeinheiten sei in der vergangenen Woche auf Transportschiffen der russischen Marine aus Häfen nahe der Grenze nach Wladiwostok gebracht worden, teilte der Dienst mit. Weitere Transporte würden in Kürze erwartet.',
      'Die Soldaten hätten russische Uniformen und Waffen sowie gefälschte Ausweise erhalten, die sie als Bewohner abgelegener sibirischer Regionen ausweisen. Damit solle offenbar ihre Herkunft verschleiert werden.',
      'Man habe die Bewegungen mithilfe von Satellitenbildern verfolgt und die Erkenntnisse mit Verbündeten geteilt, hieß es in Seoul. Es wäre das erste Mal, dass Nordkorea eine größere Bodentruppe in einen ausländischen Krieg schickt.',
      'Der ukrainische Militärgeheimdienst hatte zuvor berichtet, nordkoreanische Soldaten würden auf Stützpunkten im Fernen Osten Russlands ausgebildet. Kiew warnte, die Truppen könnten binnen Wochen an die Front verlegt werden.',
      'Der Kreml wies die Berichte als erfunden zurück, die nordkoreanischen Staatsmedien äußerten sich nicht. Moskau und Pjöngjang hatten im Juni einen Vertrag über gegenseitigen Beistand unterzeichnet, der beide Seiten im Fall eines Angriffs zur Hilfe verpflichtet.',
      'Südkoreas Präsident Yoon Suk Yeol berief eine Dringlichkeitssitzung des Sicherheitsrats ein und nannte die Entsendung eine ernste Bedrohung für die Sicherheit der koreanischen Halbinsel und der internationalen Gemeinschaft.',
    ],
    update: {
      headline: 'Seoul: Bereits mehr als 11.000 Nordkoreaner in Russland',
      paragraphs: [
        'SEOUL – In Russland befinden sich nach Erkenntnissen des südkoreanischen Geheimdienstes inzwischen mehr als 11.000 nordkoreanische Soldaten, ein Teil von ihnen sei bereits an die Front im Gebiet Kursk verlegt worden. Das teilte der NIS am Mittwoch Abgeordneten mit.',
        'Nach Angaben von Teilnehmern der nichtöffentlichen Sitzung geht der Dienst davon aus, dass die Truppen ihre Ausbildung im Fernen Osten abgeschlossen haben und in mehreren Gruppen per Bahn und mit Militärflugzeugen nach Westen gebracht werden.',
        'Die Soldaten hätten russische Uniformen und Waffen sowie gefälschte Ausweise erhalten, die sie als Bewohner abgelegener sibirischer Regionen ausweisen. Damit solle offenbar ihre Herkunft verschleiert werden.',
        'Zudem gebe es Hinweise, dass ranghohe nordkoreanische Offiziere an die Front gereist seien, um die Kampfbedingungen zu studieren. Eine zweite Rotation könne Anfang kommenden Jahres folgen.',
        'Der ukrainische Militärgeheimdienst hatte zuvor berichtet, nordkoreanische Soldaten würden auf Stützpunkten im Fernen Osten Russlands ausgebildet. Kiew warnte, die Truppen könnten binnen Wochen an die Front verlegt werden.',
        'Der Kreml wies die Berichte als erfunden zurück, die nordkoreanischen Staatsmedien äußerten sich nicht. Moskau und Pjöngjang hatten im Juni einen Vertrag über gegenseitigen Beistand unterzeichnet, der beide Seiten im Fall eines Angriffs zur Hilfe verpflichtet.',
      ],
    },
    brief:
      'Nordkorea hat laut dem südkoreanischen Geheimdienst mit der Entsendung von Soldaten nach Russland begonnen. Insgesamt könnten es etwa 12.000 werden; eine erste Gruppe von rund 1.500 Mann sei per Schiff nach Wladiwostok gebracht worden. Moskau bestreitet das.',
    extra:
      'Fachleute erwarten, dass Nordkoreas Armee durch den Einsatz erstmals seit Jahrzehnten Kampferfahrung sammelt und Pjöngjang im Gegenzug russische Militärtechnik erhält.',
  },
  {
    id: 'en-kursk-combat',
    lang: 'en',
    topic: 'combat',
    headline: 'Pentagon says North Korean troops have entered combat in Kursk',
    altHeadline: 'US: North Korean soldiers now fighting alongside Russians',
    paragraphs: [
      'WASHINGTON – North Korean soldiers have begun fighting alongside Russian forces in the Kursk region, where Ukrainian troops have held territory since a cross-border offensive in August, the Pentagon said on Monday.',
      'A Defense Department spokesman told reporters that about 10,000 North Korean troops had been moved to Kursk and that Washington had seen them engaged in combat operations for the first time in recent days.',
      'He said the soldiers had been integrated into Russian units, including marine and airborne brigades, and were being used mainly as infantry in assaults on Ukrainian positions.',
      'The United States did not give details of casualties. Officials said earlier that they believed the troops had received only limited training in drone warfare, which dominates the battlefield in the area.',
      "Ukraine's president said his forces had been fighting North Korean units for several days and urged Western partners to allow long-range strikes on bases in Russia where the troops were gathering.",
      'NATO allies condemned the deployment as a dangerous escalation. Moscow has neither confirmed nor denied the presence of the soldiers, saying only that cooperation with Pyongyang is a matter for the two countries.',
    ],
    update: {
      headline:
        'Pentagon: hundreds of North Korean troops killed or wounded in Kursk',
      paragraphs: [
        'WASHINGTON – Several hundred North Korean soldiers have been killed or wounded since they went into combat in the Kursk region, the Pentagon said on Tuesday, giving its first estimate of losses among the roughly 11,000 troops Pyongyang has sent.',
        'A Defense Department spokesman said the casualties ranged from the low hundreds killed to a higher number wounded, and that the figures were based on battlefield reporting shared by Ukraine.',
        'He said the soldiers had been integrated into Russian units, including marine and airborne brigades, and were being used mainly as infantry in assaults on Ukrainian positions.',
        'Officials described the North Korean units as inexperienced and said they had advanced in large groups across open fields, making them easy targets for drones and artillery.',
        'NATO allies condemned the deployment as a dangerous escalation. Moscow has neither confirmed nor denied the presence of the soldiers, saying only that cooperation with Pyongyang is a matter for the two countries.',
      ],
    },
    brief:
      'The Pentagon said on Monday that North Korean soldiers have started fighting alongside Russian forces in the Kursk region. About 10,000 North Korean troops had been moved there, a spokesman said, adding that they were being used mainly as infantry.',
    extra:
      "The Kursk incursion was Ukraine's first major ground operation on Russian territory and was meant to gain leverage for possible negotiations.",
  },
  {
    id: 'en-casualties',
    lang: 'en',
    topic: 'casualties',
    headline: 'About 300 North Korean soldiers killed in Russia, Seoul says',
    altHeadline: 'Seoul lawmakers: heavy losses among North Korean troops',
    paragraphs: [
      "SEOUL – Around 300 North Korean soldiers have been killed and some 2,700 wounded while fighting for Russia against Ukraine, South Korea's National Intelligence Service told lawmakers on Monday, according to a member of parliament's intelligence committee.",
      "The lawmaker said the spy agency attributed the high losses to the soldiers' lack of understanding of modern warfare and to Russia using them in ways that left them exposed to Ukrainian drone and artillery attacks.",
      'Memos found on the bodies of dead soldiers indicated that North Korean authorities had pressed the troops to kill themselves rather than be taken prisoner, the agency said, citing one case in which a soldier had shouted the name of leader Kim Jong Un before trying to detonate a grenade.',
      'North Korea is believed to have sent about 11,000 soldiers to Russia last autumn. Most have been deployed in the Kursk region, where Ukrainian forces hold a pocket of territory.',
      "The figures could not be independently verified. Ukraine's president has given higher numbers in the past, while Russia and North Korea have not acknowledged any losses.",
      'The intelligence service also said Pyongyang appeared to be preparing to send additional troops, possibly to replace units that had suffered heavy casualties.',
    ],
    update: {
      headline:
        'North Korean casualties in Russia reach about 4,000, Zelensky says',
      paragraphs: [
        "KYIV – Roughly 4,000 North Korean soldiers have been killed or wounded in the Kursk region, Ukraine's President Volodymyr Zelensky said on Monday, giving a higher estimate than the figures presented by South Korea's intelligence service.",
        'Zelensky said in his nightly video address that Ukrainian units had fought North Korean troops for several weeks and that the losses showed Moscow was treating its allies as expendable.',
        'Memos found on the bodies of dead soldiers indicated that North Korean authorities had pressed the troops to kill themselves rather than be taken prisoner, the agency said, citing one case in which a soldier had shouted the name of leader Kim Jong Un before trying to detonate a grenade.',
        'North Korea is believed to have sent about 11,000 soldiers to Russia last autumn. Most have been deployed in the Kursk region, where Ukrainian forces hold a pocket of territory.',
        "Seoul's spy agency had put the toll at around 300 dead and 2,700 wounded. The Ukrainian figures could not be independently verified, and Russia and North Korea have not acknowledged any losses.",
      ],
    },
    brief:
      "About 300 North Korean soldiers have died and 2,700 have been wounded in the war against Ukraine, South Korean intelligence told lawmakers on Monday. The agency blamed the troops' unfamiliarity with drone warfare for the losses.",
    extra:
      'Human rights groups have called on Ukraine to treat any captured North Korean soldiers as prisoners of war and to allow them to seek asylum in South Korea.',
  },
  {
    id: 'de-casualties',
    lang: 'de',
    topic: 'casualties',
    translationOf: 'en-casualties',
    headline: 'Seoul: Rund 300 nordkoreanische Soldaten in Russland getötet',
    altHeadline: 'Hohe Verluste unter Nordkoreas Truppen in Kursk',
    paragraphs: [
      'SEOUL – Im Krieg gegen die Ukraine sind nach Angaben des südkoreanischen Geheimdienstes NIS rund 300 nordkoreanische Soldaten getötet und etwa 2.700 verwundet worden. Das berichtete ein Mitglied des Geheimdienstausschusses am Montag nach einer Unterrichtung der Abgeordneten.',
      'Der Geheimdienst führe die hohen Verluste darauf zurück, dass die Soldaten mit moderner Kriegsführung kaum vertraut seien und Russland sie so einsetze, dass sie ukrainischen Drohnen- und Artillerieangriffen schutzlos ausgesetzt seien, sagte der Abgeordnete.',
      'Notizen, die bei getöteten Soldaten gefunden worden seien, deuteten darauf hin, dass die nordkoreanische Führung die Truppen gedrängt habe, sich eher selbst zu töten als in Gefangenschaft zu geraten. In einem Fall habe ein Soldat den Namen von Machthaber Kim Jong Un gerufen und versucht, eine Granate zu zünden.',
      'Nordkorea soll im Herbst etwa 11.000 Soldaten nach Russland geschickt haben. Die meisten wurden im Gebiet Kursk eingesetzt, wo ukrainische Truppen ein Gebiet besetzt halten.',
      'Die Zahlen ließen sich nicht unabhängig überprüfen. Der ukrainische Präsident hatte in der Vergangenheit höhere Zahlen genannt, Russland und Nordkorea haben keine Verluste eingeräumt.',
      'Zudem bereite Pjöngjang offenbar die Entsendung weiterer Soldaten vor, möglicherweise um Einheiten mit hohen Verlusten zu ersetzen, teilte der Geheimdienst mit.',
    ],
    update: {
      headline:
        'Selenskyj: Rund 4.000 nordkoreanische Soldaten getötet oder verletzt',
      paragraphs: [
        'KIEW – Im Gebiet Kursk sind nach Angaben des ukrainischen Präsidenten Wolodymyr Selenskyj etwa 4.000 nordkoreanische Soldaten getötet oder verwundet worden. Die Schätzung liegt deutlich über den Zahlen des südkoreanischen Geheimdienstes.',
        'In seiner abendlichen Videoansprache sagte Selenskyj, ukrainische Einheiten kämpften seit Wochen gegen nordkoreanische Truppen. Die Verluste zeigten, dass Moskau seine Verbündeten als entbehrlich betrachte.',
        'Notizen, die bei getöteten Soldaten gefunden worden seien, deuteten darauf hin, dass die nordkoreanische Führung die Truppen gedrängt habe, sich eher selbst zu töten als in Gefangenschaft zu geraten. In einem Fall habe ein Soldat den Namen von Machthaber Kim Jong Un gerufen und versucht, eine Granate zu zünden.',
        'Nordkorea soll im Herbst etwa 11.000 Soldaten nach Russland geschickt haben. Die meisten wurden im Gebiet Kursk eingesetzt, wo ukrainische Truppen ein Gebiet besetzt halten.',
        'Der südkoreanische Geheimdienst hatte von rund 300 Toten und 2.700 Verwundeten gesprochen. Die ukrainischen Angaben ließen sich nicht unabhängig überprüfen.',
      ],
    },
    brief:
      'Rund 300 nordkoreanische Soldaten sind laut Südkoreas Geheimdienst im Krieg gegen die Ukraine getötet und 2.700 verletzt worden. Als Grund für die hohen Verluste nennt der Dienst mangelnde Erfahrung mit Drohnenangriffen.',
    extra:
      'Menschenrechtsorganisationen fordern, gefangene Nordkoreaner als Kriegsgefangene zu behandeln und ihnen die Ausreise nach Südkorea zu ermöglichen.',
  },
  {
    id: 'en-captured',
    lang: 'en',
    topic: 'casualties',
    headline: 'Ukraine says it captured two North Korean soldiers in Kursk',
    altHeadline: 'Two wounded North Korean soldiers taken prisoner by Ukraine',
    paragraphs: [
      "KYIV – Ukrainian forces have captured two North Korean soldiers in Russia's Kursk region, President Volodymyr Zelensky said on Saturday, the first time Kyiv has presented live prisoners from the contingent sent by Pyongyang.",
      'Both men were wounded and were taken to Kyiv, where they were being questioned by the SBU security service with the help of interpreters provided in cooperation with South Korean intelligence, Zelensky said.',
      'He posted pictures of the two men, one with bandaged hands and another with a bandaged jaw. One of them carried a Russian military identity card issued in the name of a man from the Republic of Tuva, the Ukrainian security service said.',
      'According to the SBU, one of the soldiers said he had been told he was going to a training exercise and did not know he would be fighting against Ukraine. The other was unable to speak because of his injuries.',
      'Zelensky said Ukraine was ready to hand the soldiers over to North Korean leader Kim Jong Un if he could arrange their exchange for Ukrainians held in Russian captivity.',
      "South Korea's spy agency confirmed the capture and said it would cooperate with Kyiv. Seoul's officials said any soldier who wished to defect to the South would be considered under the country's law.",
    ],
    brief:
      'Ukraine has captured two wounded North Korean soldiers in the Kursk region, President Zelensky said on Saturday. The men are being questioned in Kyiv. One reportedly said he believed he was being sent to a training exercise.',
    extra:
      'Earlier attempts to capture North Korean soldiers had failed because the men were badly wounded and died before they could be evacuated, Ukrainian officials said.',
  },
  {
    id: 'de-captured',
    lang: 'de',
    topic: 'casualties',
    translationOf: 'en-captured',
    headline: 'Ukraine nimmt zwei nordkoreanische Soldaten gefangen',
    altHeadline: 'Selenskyj: Zwei verwundete Nordkoreaner in Kursk gefangen',
    paragraphs: [
      'KIEW – Ukrainische Truppen haben im russischen Gebiet Kursk zwei nordkoreanische Soldaten gefangen genommen. Das teilte Präsident Wolodymyr Selenskyj am Samstag mit. Es ist das erste Mal, dass Kiew lebende Gefangene aus dem von Pjöngjang entsandten Kontingent präsentiert.',
      'Beide Männer seien verletzt und nach Kiew gebracht worden, wo sie vom Geheimdienst SBU befragt würden. Dolmetscher stünden in Zusammenarbeit mit dem südkoreanischen Geheimdienst zur Verfügung, sagte Selenskyj.',
      'Er veröffentlichte Fotos der beiden Männer, einer mit bandagierten Händen, der andere mit verbundenem Kiefer. Einer von ihnen habe einen russischen Militärausweis auf den Namen eines Mannes aus der Republik Tuwa bei sich getragen, erklärte der SBU.',
      'Einer der Soldaten habe ausgesagt, man habe ihm gesagt, er nehme an einer Übung teil. Dass er gegen die Ukraine kämpfen würde, habe er nicht gewusst. Der andere könne wegen seiner Verletzungen nicht sprechen.',
      'Selenskyj erklärte, die Ukraine sei bereit, die Soldaten an Machthaber Kim Jong Un zu übergeben, falls dieser ihren Austausch gegen Ukrainer in russischer Gefangenschaft organisieren könne.',
      'Der südkoreanische Geheimdienst bestätigte die Gefangennahme und kündigte an, mit Kiew zusammenzuarbeiten. Soldaten, die in den Süden überlaufen wollten, würden nach südkoreanischem Recht behandelt, hieß es aus Seoul.',
    ],
    brief:
      'Die Ukraine hat nach Angaben von Präsident Selenskyj im Gebiet Kursk zwei verwundete nordkoreanische Soldaten gefangen genommen. Die Männer werden in Kiew befragt; einer soll geglaubt haben, er werde zu einer Übung geschickt.',
    extra:
      'Frühere Versuche, Nordkoreaner gefangen zu nehmen, waren nach ukrainischen Angaben gescheitert, weil die Männer schwer verletzt waren und vor dem Abtransport starben.',
  },
  {
    id: 'en-treaty',
    lang: 'en',
    topic: 'diplomacy',
    headline: 'Putin signs law ratifying defence pact with North Korea',
    altHeadline: 'Russia completes ratification of mutual defence treaty',
    paragraphs: [
      "MOSCOW – President Vladimir Putin has signed a law ratifying a strategic partnership treaty with North Korea that includes a pledge of mutual military assistance, according to a decree published on the Russian government's legal portal on Saturday.",
      "The treaty, agreed during Putin's visit to Pyongyang in June, obliges each country to provide immediate military and other assistance with all means at its disposal if the other comes under armed attack.",
      "Both chambers of Russia's parliament approved the agreement unanimously in recent weeks. North Korea is expected to complete its own ratification procedures shortly, after which the treaty will enter into force.",
      'Western governments and South Korea say the agreement has been followed by a sharp expansion of military cooperation, including the transfer of millions of artillery shells and ballistic missiles from North Korea to Russia.',
      'Officials in Seoul and Washington say thousands of North Korean soldiers have also been sent to Russia, a step Moscow has not publicly acknowledged. The Kremlin says its ties with Pyongyang are not directed against third countries.',
      'Analysts note that the treaty is the most significant agreement between the two countries since the end of the Cold War and restores a security guarantee similar to one in a 1961 Soviet-era pact.',
    ],
    brief:
      "Vladimir Putin has signed a law ratifying Russia's strategic partnership treaty with North Korea, which includes a mutual defence clause. The pact was agreed in Pyongyang in June.",
    extra:
      "North Korea's leader Kim Jong Un has said relations with Moscow have been raised to the level of an alliance and has promised continued support for Russia.",
  },
  {
    id: 'en-engineers',
    lang: 'en',
    topic: 'deployment',
    headline:
      'North Korea to send 6,000 military builders and deminers to Kursk',
    altHeadline: 'Shoigu: Pyongyang sending engineers to rebuild Kursk',
    paragraphs: [
      "PYONGYANG – North Korea will send 1,000 deminers and 5,000 military construction workers to Russia's Kursk region to help restore infrastructure damaged in the fighting, the secretary of Russia's Security Council, Sergei Shoigu, said after talks with Kim Jong Un on Tuesday.",
      'Shoigu said the decision was a gesture of brotherly support and that the workers would clear mines and rebuild roads, bridges and other facilities destroyed after Ukrainian forces crossed into the region last summer.',
      "It was Shoigu's second visit to Pyongyang in two weeks. Russian news agencies said he had carried a message from President Vladimir Putin thanking North Korea for the soldiers who fought to drive Ukrainian troops out of Kursk.",
      "North Korea confirmed in April that it had sent combat troops to Russia. South Korea's intelligence agency estimates that around 15,000 North Koreans have been deployed in total, including artillery and missile units.",
      'Seoul said the new deployment showed that military cooperation between Moscow and Pyongyang was becoming institutionalised and called on both countries to stop activities that violate United Nations Security Council resolutions.',
      'Experts say demining work in Kursk will be dangerous because the region is heavily contaminated with mines and unexploded ordnance left by both sides.',
    ],
    update: {
      headline: 'First North Korean engineers arrive in Kursk, Russia says',
      paragraphs: [
        "MOSCOW – A first group of about 1,000 North Korean military engineers has arrived in Russia's Kursk region to begin clearing mines, Russia's defence ministry said on Thursday, weeks after Pyongyang promised to send 6,000 builders and deminers.",
        'The ministry published video of men in camouflage uniforms being greeted at a railway station and said they would work alongside Russian sappers in districts that had been occupied by Ukrainian forces.',
        'It was unclear when the 5,000 construction workers would follow. Russian officials said they would be housed in camps near the towns they are to rebuild.',
        "North Korea confirmed in April that it had sent combat troops to Russia. South Korea's intelligence agency estimates that around 15,000 North Koreans have been deployed in total, including artillery and missile units.",
        'Experts say demining work in Kursk will be dangerous because the region is heavily contaminated with mines and unexploded ordnance left by both sides.',
      ],
    },
    brief:
      "North Korea will send 1,000 deminers and 5,000 military builders to Russia's Kursk region, Sergei Shoigu said after meeting Kim Jong Un in Pyongyang on Tuesday.",
    extra:
      'Russia has struggled to recruit enough labourers for reconstruction work and has also turned to workers from Central Asia.',
  },
  {
    id: 'de-engineers',
    lang: 'de',
    topic: 'deployment',
    translationOf: 'en-engineers',
    headline: 'Nordkorea schickt 6.000 Bauarbeiter und Minenräumer nach Kursk',
    altHeadline: 'Schoigu: Pjöngjang entsendet Pioniere in die Region Kursk',
    paragraphs: [
      'PJÖNGJANG – Nordkorea will 1.000 Minenräumer und 5.000 Militärbauarbeiter in das russische Gebiet Kursk schicken, um dort im Krieg zerstörte Infrastruktur wiederaufzubauen. Das sagte der Sekretär des russischen Sicherheitsrats, Sergej Schoigu, am Dienstag nach Gesprächen mit Kim Jong Un.',
      'Die Entscheidung sei eine Geste brüderlicher Unterstützung, sagte Schoigu. Die Arbeiter sollen Minen räumen sowie Straßen, Brücken und andere Anlagen wiederaufbauen, die nach dem Vorstoß ukrainischer Truppen im vergangenen Sommer zerstört wurden.',
      'Es war Schoigus zweiter Besuch in Pjöngjang binnen zwei Wochen. Nach Angaben russischer Nachrichtenagenturen überbrachte er eine Botschaft von Präsident Wladimir Putin, der Nordkorea für die Soldaten dankte, die bei der Vertreibung ukrainischer Truppen aus Kursk gekämpft hatten.',
      'Nordkorea hatte im April bestätigt, Kampftruppen nach Russland geschickt zu haben. Der südkoreanische Geheimdienst schätzt, dass insgesamt rund 15.000 Nordkoreaner entsandt wurden, darunter Artillerie- und Raketeneinheiten.',
      'Seoul erklärte, die neue Entsendung zeige, dass die militärische Zusammenarbeit zwischen Moskau und Pjöngjang institutionalisiert werde, und forderte beide Länder auf, Verstöße gegen Resolutionen des UN-Sicherheitsrats einzustellen.',
      'Experten zufolge wird die Minenräumung in Kursk gefährlich, weil die Region von beiden Seiten stark mit Minen und Blindgängern belastet ist.',
    ],
    update: {
      headline: 'Erste nordkoreanische Pioniere in Kursk eingetroffen',
      paragraphs: [
        'MOSKAU – Eine erste Gruppe von etwa 1.000 nordkoreanischen Militärpionieren ist nach Angaben des russischen Verteidigungsministeriums im Gebiet Kursk eingetroffen, um mit der Minenräumung zu beginnen. Pjöngjang hatte wenige Wochen zuvor die Entsendung von 6.000 Bauarbeitern und Minenräumern zugesagt.',
        'Das Ministerium veröffentlichte ein Video von Männern in Tarnuniformen, die an einem Bahnhof empfangen wurden. Sie sollen gemeinsam mit russischen Pionieren in Bezirken arbeiten, die von ukrainischen Truppen besetzt waren.',
        'Wann die 5.000 Bauarbeiter folgen, blieb offen. Sie sollen nach russischen Angaben in Lagern nahe den Orten untergebracht werden, die sie wiederaufbauen.',
        'Nordkorea hatte im April bestätigt, Kampftruppen nach Russland geschickt zu haben. Der südkoreanische Geheimdienst schätzt, dass insgesamt rund 15.000 Nordkoreaner entsandt wurden, darunter Artillerie- und Raketeneinheiten.',
        'Experten zufolge wird die Minenräumung in Kursk gefährlich, weil die Region von beiden Seiten stark mit Minen und Blindgängern belastet ist.',
      ],
    },
    brief:
      'Nordkorea schickt laut Sergej Schoigu 1.000 Minenräumer und 5.000 Militärbauarbeiter in die russische Region Kursk. Das sei nach einem Treffen mit Kim Jong Un in Pjöngjang vereinbart worden.',
    extra:
      'Russland hat Schwierigkeiten, genügend Arbeitskräfte für den Wiederaufbau zu finden, und wirbt auch Arbeiter aus Zentralasien an.',
  },
  {
    id: 'en-shells',
    lang: 'en',
    topic: 'diplomacy',
    headline:
      'North Korea has shipped millions of shells to Russia, Seoul says',
    altHeadline: 'Seoul: Pyongyang supplies Moscow with artillery and missiles',
    paragraphs: [
      "SEOUL – North Korea has sent Russia more than 20,000 containers of munitions since the summer of 2023, which could hold several million artillery shells, South Korea's military said on Tuesday, describing a supply line that has helped Moscow sustain its bombardment of Ukraine.",
      'The Joint Chiefs of Staff said the shipments had been carried by ship and rail and included short-range ballistic missiles and multiple rocket launchers in addition to 152-millimetre and 122-millimetre shells.',
      'In return, Seoul believes Pyongyang has received food, oil and technical help for its satellite and missile programmes, although officials said it was difficult to confirm what technology had been transferred.',
      'Ukrainian officials have said that North Korean shells now account for a large share of the artillery fired by Russian forces, though many are of poor quality and fail to explode.',
      'Russia and North Korea have denied any arms trade, which would breach United Nations sanctions that Moscow itself voted for as a permanent member of the Security Council.',
      'A panel of experts that monitored those sanctions was disbanded last year after Russia vetoed the renewal of its mandate.',
    ],
    brief:
      "North Korea has supplied Russia with more than 20,000 containers of munitions since 2023, South Korea's military said on Tuesday, enough for several million artillery shells.",
    extra:
      'Arms control researchers have identified North Korean missile debris in several Ukrainian cities hit by Russian strikes.',
  },
  {
    id: 'en-confirm',
    lang: 'en',
    topic: 'confirmation',
    headline:
      'North Korea confirms for the first time it sent troops to Russia',
    altHeadline: 'Pyongyang acknowledges soldiers fought for Moscow in Kursk',
    paragraphs: [
      "PYONGYANG – North Korea has acknowledged for the first time that it sent troops to fight for Russia, saying its soldiers helped to 'liberate' the Kursk region from Ukrainian forces, in a statement carried by state media on Monday.",
      "The ruling party's Central Military Commission said the deployment had been ordered by leader Kim Jong Un under the mutual defence treaty signed with Moscow last year, and praised the soldiers as heroes.",
      'Kim said a monument would be built in Pyongyang to honour those who died in battle and that their families would receive preferential treatment from the state, according to the statement.',
      "The announcement came two days after Russia's chief of the general staff thanked North Korean units for their role in the fighting, also the first such public acknowledgement by Moscow.",
      "South Korea's foreign ministry condemned the statement, saying the North had admitted to a criminal act that violated the UN Charter and Security Council resolutions. Seoul estimates that about 4,700 North Korean soldiers have been killed or wounded.",
      'For months, officials in both Moscow and Pyongyang had dismissed reports of the deployment as fake news spread by Western and South Korean intelligence services.',
    ],
    update: {
      headline: 'Kim Jong Un visits families of soldiers killed in Russia',
      paragraphs: [
        'PYONGYANG – Kim Jong Un has met relatives of North Korean soldiers killed fighting for Russia and promised to build a memorial museum, state media reported on Thursday, days after Pyongyang first acknowledged that it had sent troops to Kursk.',
        'State television showed Kim placing medals on portraits of the dead at a ceremony attended by their families. It did not say how many soldiers had been killed.',
        'Kim said a monument would be built in Pyongyang to honour those who died in battle and that their families would receive preferential treatment from the state, according to the statement.',
        "South Korea's intelligence service told lawmakers it now estimates that about 600 North Korean soldiers have been killed, up from an earlier estimate of 300, and that Pyongyang may send more troops.",
        'For months, officials in both Moscow and Pyongyang had dismissed reports of the deployment as fake news spread by Western and South Korean intelligence services.',
      ],
    },
    brief:
      'North Korea has confirmed for the first time that it sent troops to Russia, saying on Monday that its soldiers helped to retake the Kursk region. Kim Jong Un ordered a monument to the fallen.',
    extra:
      'Observers in Seoul said the admission suggested Pyongyang wanted to present the deployment as a success and strengthen its ties with Moscow.',
  },
  {
    id: 'de-confirm',
    lang: 'de',
    topic: 'confirmation',
    translationOf: 'en-confirm',
    headline: 'Nordkorea bestätigt erstmals Truppeneinsatz in Russland',
    altHeadline: 'Pjöngjang räumt Kampfeinsatz seiner Soldaten in Kursk ein',
    paragraphs: [
      'PJÖNGJANG – Nordkorea hat erstmals eingeräumt, Soldaten zur Unterstützung Russlands entsandt zu haben. Die Truppen hätten geholfen, das Gebiet Kursk von ukrainischen Einheiten zu befreien, hieß es am Montag in einer von den Staatsmedien verbreiteten Erklärung.',
      'Die Zentrale Militärkommission der Arbeiterpartei erklärte, Machthaber Kim Jong Un habe den Einsatz auf Grundlage des im vergangenen Jahr mit Moskau geschlossenen Beistandsvertrags angeordnet. Die Soldaten wurden als Helden gewürdigt.',
      'Kim kündigte an, in Pjöngjang ein Denkmal für die Gefallenen zu errichten. Ihre Familien sollten vom Staat bevorzugt behandelt werden, hieß es in der Erklärung.',
      'Zwei Tage zuvor hatte Russlands Generalstabschef den nordkoreanischen Einheiten für ihre Rolle bei den Kämpfen gedankt. Auch Moskau hatte den Einsatz damit erstmals öffentlich bestätigt.',
      'Das südkoreanische Außenministerium verurteilte die Erklärung. Der Norden habe eine Straftat eingestanden, die gegen die UN-Charta und Resolutionen des Sicherheitsrats verstoße. Seoul schätzt, dass rund 4.700 nordkoreanische Soldaten getötet oder verwundet wurden.',
      'Monatelang hatten Moskau und Pjöngjang Berichte über den Einsatz als Falschmeldungen westlicher und südkoreanischer Geheimdienste abgetan.',
    ],
    brief:
      'Nordkorea hat erstmals bestätigt, Truppen nach Russland geschickt zu haben. Die Soldaten hätten bei der Rückeroberung des Gebiets Kursk geholfen, hieß es am Montag. Kim Jong Un ordnete ein Denkmal für die Gefallenen an.',
    extra:
      'Beobachter in Seoul werten das Eingeständnis als Versuch, den Einsatz als Erfolg darzustellen und die Bindung an Moskau zu festigen.',
  },
  {
    id: 'en-reinforce',
    lang: 'en',
    topic: 'deployment',
    headline: 'North Korea sends about 3,000 more troops to Russia, Seoul says',
    altHeadline: 'Seoul: Pyongyang reinforces its contingent in Russia',
    paragraphs: [
      "SEOUL – North Korea appears to have sent around 3,000 additional soldiers to Russia in January and February, South Korea's military said on Thursday, reinforcing a contingent that has suffered heavy losses in the Kursk region.",
      'The Joint Chiefs of Staff said the new troops were believed to have been deployed to the front after a short period of training and that North Korea had also supplied more missiles and self-propelled artillery.',
      'The reinforcements bring the total number of North Korean soldiers sent to Russia to about 14,000, according to the South Korean estimate. Of those, some 4,000 have been killed or wounded, the military said.',
      'South Korean officials said the North Korean units appeared to have adapted their tactics after early losses, moving in smaller groups and making greater use of drones of their own.',
      'North Korea and Russia have not commented on the reported reinforcements. Ukrainian officials said earlier that North Korean troops had been withdrawn from parts of the front for several weeks before returning.',
      'Seoul warned that the experience gained in modern warfare could make the North Korean army a greater threat on the Korean Peninsula.',
    ],
    update: {
      headline: 'Seoul: North Korean troop total in Russia reaches 15,000',
      paragraphs: [
        "SEOUL – The number of North Korean soldiers sent to Russia has reached about 15,000, South Korea's military said on Monday, after Pyongyang dispatched a further group of troops and engineers in the spring.",
        'The Joint Chiefs of Staff said the latest rotation included artillery crews and specialists in drone operations, and that some soldiers appeared to be training Russian units in the use of North Korean rocket launchers.',
        'South Korean officials said the North Korean units appeared to have adapted their tactics after early losses, moving in smaller groups and making greater use of drones of their own.',
        'The military also said losses had risen to about 4,700 killed or wounded, and that North Korea had begun to bring back the remains of some soldiers.',
        'Seoul warned that the experience gained in modern warfare could make the North Korean army a greater threat on the Korean Peninsula.',
      ],
    },
    brief:
      "North Korea appears to have sent about 3,000 more soldiers to Russia early this year, South Korea's military said on Thursday, bringing the total to roughly 14,000.",
    extra:
      'Defence analysts in Seoul believe the North also uses the deployment to test its own weapons under battlefield conditions.',
  },
  {
    id: 'de-reinforce',
    lang: 'de',
    topic: 'deployment',
    translationOf: 'en-reinforce',
    headline: 'Seoul: Nordkorea schickt weitere 3.000 Soldaten nach Russland',
    altHeadline: 'Nordkorea verstärkt sein Kontingent in Russland',
    paragraphs: [
      'SEOUL – Nordkorea hat im Januar und Februar offenbar rund 3.000 weitere Soldaten nach Russland geschickt. Das teilte das südkoreanische Militär am Donnerstag mit. Damit werde ein Kontingent verstärkt, das im Gebiet Kursk schwere Verluste erlitten habe.',
      'Der Vereinigte Generalstab erklärte, die neuen Truppen seien nach kurzer Ausbildung vermutlich an die Front verlegt worden. Zudem habe Nordkorea weitere Raketen und Selbstfahrlafetten geliefert.',
      'Nach südkoreanischer Schätzung steigt die Zahl der nach Russland entsandten nordkoreanischen Soldaten damit auf etwa 14.000. Rund 4.000 von ihnen seien getötet oder verwundet worden, hieß es.',
      'Die nordkoreanischen Einheiten hätten ihre Taktik nach den anfänglichen Verlusten offenbar angepasst, sagten Vertreter Südkoreas. Sie bewegten sich in kleineren Gruppen und setzten verstärkt eigene Drohnen ein.',
      'Nordkorea und Russland äußerten sich nicht zu den Berichten. Ukrainische Vertreter hatten zuvor gesagt, nordkoreanische Truppen seien für einige Wochen aus Teilen der Front abgezogen worden und danach zurückgekehrt.',
      'Seoul warnte, die in moderner Kriegsführung gesammelte Erfahrung könne Nordkoreas Armee zu einer größeren Bedrohung auf der koreanischen Halbinsel machen.',
    ],
    brief:
      'Nordkorea hat laut Südkoreas Militär Anfang des Jahres etwa 3.000 weitere Soldaten nach Russland geschickt. Insgesamt seien damit rund 14.000 Nordkoreaner entsandt worden.',
    extra:
      'Verteidigungsexperten in Seoul gehen davon aus, dass der Norden den Einsatz auch nutzt, um eigene Waffen unter Gefechtsbedingungen zu testen.',
  },
  {
    id: 'en-training',
    lang: 'en',
    topic: 'deployment',
    headline: 'Video appears to show North Korean soldiers at Russian base',
    altHeadline: "Footage from Russia's Far East shows North Korean recruits",
    paragraphs: [
      "KYIV – Ukraine's Center for Strategic Communications has released video that it says shows North Korean soldiers receiving equipment at a military training ground in Russia's Far East, the first footage purporting to document the deployment.",
      'The short clip shows dozens of young men in Russian camouflage standing in line and collecting bags of kit outside a row of buildings. A voice can be heard speaking Korean, but the location and date could not be independently verified.',
      'Ukrainian officials said the troops were being trained at several bases in the Primorsky and Khabarovsk regions and at the Sergeyevsky training ground near the Chinese border before being sent west.',
      'Independent Russian media outlets reported that residents near the bases had seen convoys of buses with curtained windows. The regional governments did not respond to requests for comment.',
      "The White House said it had evidence that at least 3,000 North Korean soldiers had arrived in eastern Russia, while Seoul's intelligence service gave a higher estimate.",
      "Russia's ambassador to Pyongyang said cooperation between the two militaries was developing in line with international law.",
    ],
    brief:
      "Ukraine has released a video it says shows North Korean soldiers collecting equipment at a training ground in Russia's Far East. The footage could not be verified.",
    extra:
      'Satellite images published by a Washington think tank show new tents and vehicles at one of the bases named by Ukraine.',
  },
  {
    id: 'de-withdrawal',
    lang: 'de',
    topic: 'combat',
    headline: 'Nordkoreanische Truppen offenbar von der Front abgezogen',
    altHeadline:
      'Kiew: Nordkoreaner nach hohen Verlusten nicht mehr im Einsatz',
    paragraphs: [
      'KIEW – Nordkoreanische Soldaten sind nach ukrainischen Angaben nach hohen Verlusten vorerst von der Front im russischen Gebiet Kursk abgezogen worden. In den vergangenen drei Wochen habe man keine nordkoreanischen Einheiten mehr in Gefechten beobachtet, sagte ein Sprecher der ukrainischen Spezialkräfte.',
      'Der Abzug gehe vermutlich auf die schweren Verluste der vergangenen Wochen zurück, sagte der Sprecher. Die Soldaten seien in großen Gruppen über offenes Gelände vorgerückt und dabei leichte Ziele für Drohnen geworden.',
      'Auch der südkoreanische Geheimdienst erklärte, es gebe seit Mitte Januar keine Hinweise auf Kampfeinsätze der Nordkoreaner. Ob die Truppen neu ausgebildet oder durch andere ersetzt würden, sei unklar.',
      'Militärexperten rechnen damit, dass die Einheiten nach einer Pause zurückkehren. Nordkorea habe ein Interesse daran, seine Soldaten Erfahrungen im modernen Drohnenkrieg sammeln zu lassen, sagte ein Analyst in Seoul.',
      'Russland und Nordkorea haben den Einsatz der Truppen bislang nicht offiziell bestätigt. Moskau spricht von Falschmeldungen, Pjöngjang schweigt.',
      'Die Ukraine hatte im Januar zwei verwundete nordkoreanische Soldaten gefangen genommen. Beide werden in Kiew befragt.',
    ],
    update: {
      headline: 'Nordkoreanische Truppen wieder an der Front in Kursk',
      paragraphs: [
        'KIEW – Nach mehrwöchiger Pause sind nordkoreanische Soldaten nach ukrainischen Angaben an die Front im russischen Gebiet Kursk zurückgekehrt. Rund 1.500 Mann hätten sich an neuen Angriffen beteiligt, sagte ein Sprecher der ukrainischen Armee am Freitag.',
        'Die Einheiten gingen nun vorsichtiger vor, bewegten sich in kleinen Gruppen und setzten mehr Artillerie ein, sagte der Sprecher. Dennoch seien die Verluste weiter hoch.',
        'Auch der südkoreanische Geheimdienst bestätigte, dass die Nordkoreaner wieder im Einsatz seien. Er schätzt, dass Pjöngjang zusätzlich Nachschub vorbereitet.',
        'Militärexperten hatten damit gerechnet, dass die Einheiten nach einer Pause zurückkehren. Nordkorea habe ein Interesse daran, seine Soldaten Erfahrungen im modernen Drohnenkrieg sammeln zu lassen, sagte ein Analyst in Seoul.',
        'Russland und Nordkorea haben den Einsatz der Truppen bislang nicht offiziell bestätigt. Moskau spricht von Falschmeldungen, Pjöngjang schweigt.',
      ],
    },
    brief:
      'Nordkoreanische Soldaten sind nach ukrainischen Angaben nach hohen Verlusten vorerst von der Front in Kursk abgezogen worden. Seit drei Wochen seien keine nordkoreanischen Einheiten mehr in Gefechten beobachtet worden.',
    extra:
      'Beobachter vermuten, dass Russland die nordkoreanischen Soldaten künftig eher zur Verteidigung als für verlustreiche Angriffe einsetzen will.',
  },
  {
    id: 'de-nato',
    lang: 'de',
    topic: 'combat',
    headline: 'Nato bestätigt Einsatz nordkoreanischer Soldaten in Kursk',
    altHeadline: 'Rutte: Nordkoreanische Truppen in russischer Grenzregion',
    paragraphs: [
      'BRÜSSEL – Die Nato hat bestätigt, dass nordkoreanische Truppen nach Russland geschickt und in die Grenzregion Kursk verlegt worden sind. Das sagte Generalsekretär Mark Rutte am Montag nach einem Treffen mit einer südkoreanischen Delegation in Brüssel.',
      'Der Einsatz stelle eine erhebliche Eskalation der nordkoreanischen Beteiligung am russischen Angriffskrieg dar, sagte Rutte. Zudem markiere er eine gefährliche Ausweitung des Krieges.',
      'Die südkoreanische Delegation aus Geheimdienst- und Militärvertretern hatte die Bündnispartner zuvor über ihre Erkenntnisse unterrichtet. Nach Angaben aus Seoul befinden sich inzwischen mehr als 10.000 Nordkoreaner in Russland.',
      'Rutte sagte, Russland liefere Nordkorea im Gegenzug möglicherweise Technologie, die dessen Raketen- und Atomprogramm voranbringen könne. Dies bedrohe auch die Sicherheit im indopazifischen Raum und im euro-atlantischen Raum.',
      'Die Bundesregierung bestellte den Geschäftsträger der nordkoreanischen Botschaft in Berlin ein. Die Unterstützung des russischen Krieges sei inakzeptabel, hieß es aus dem Auswärtigen Amt.',
      'Der Kreml wies die Vorwürfe zurück. Die Zusammenarbeit mit Pjöngjang richte sich nicht gegen Drittstaaten, sagte ein Sprecher.',
    ],
    brief:
      'Die Nato hat den Einsatz nordkoreanischer Soldaten im russischen Gebiet Kursk bestätigt. Generalsekretär Rutte sprach von einer gefährlichen Ausweitung des Krieges.',
    extra:
      'Auch die Europäische Union kündigte an, weitere Sanktionen gegen nordkoreanische Verantwortliche zu prüfen.',
  },
];
