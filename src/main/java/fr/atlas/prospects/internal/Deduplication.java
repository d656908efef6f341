package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a row is an agency already known, with reasons and a confidence.
 *
 * <p>
 * Evidence and its weight: the same SIRET is certain (1.0) and a different SIRET rules a
 * match out (two establishments); the same SIREN with a similar name 0.97; the same
 * e-mail 0.95, phone 0.9, website 0.85; inside a block (same postcode, or same town
 * without postcodes) a similar name 0.55 to 0.92 by Jaro-Winkler, when the names share a
 * {@link DistinctiveWords distinctive word} up to a typo. Independent evidence combines
 * as {@code 1 - Π(1 - c)}. Very different names divide the confidence of contact evidence
 * (a group's shared switchboard). Franchise networks: when either side is a known brand
 * and they are in different places, only the SIRET can match them; with no place to
 * compare, the match can go no further than review; nor can an e-mail or phone two of a
 * network's agencies of one town share when they are named apart at two doors (the head
 * office's).
 *
 * <p>
 * At {@link #AUTO_MERGE} or more the row is merged; from {@link #REVIEW} it creates its
 * agency and a possible duplicate for a person to decide.
 */
final class Deduplication {

	static final double AUTO_MERGE = 0.9;

	static final double REVIEW = 0.5;

	/**
	 * The most a network's head office contact, shared by two of its agencies named apart
	 * at two doors, makes of them: a pair to review.
	 */
	private static final double NETWORK_CONTACT = 0.6;

	/** A network's sign and a company's name at one door: a pair to review (ADR 0101). */
	private static final double SIGN_AT_DOOR = 0.8;

	/**
	 * A company's name and a sign with no word in common at one door: worth a look, less
	 * likely than a sign that shares a name (ADR 0109).
	 */
	private static final double COMPANY_AT_DOOR = 0.55;

	/** Below this, two names of one network's agencies are two names, not a typo. */
	private static final double NETWORK_NAMES_APART = 0.9;

	/** The lowest name similarity that counts as evidence inside a block. */
	static final double NAME_EVIDENCE = 0.88;

	private static final Set<String> SHARED_DOMAINS = Set.of("facebook.com", "fr-fr.facebook.com", "pagesjaunes.fr",
			"linkedin.com", "google.com", "sites.google.com", "wixsite.com", "seloger.com", "leboncoin.fr",
			"bienici.com", "pap.fr", "logic-immo.com", "instagram.com", "meilleursagents.com", "societe.com",
			"century21.fr", "orpi.com", "laforet.com", "guy-hoquet.com", "stephaneplazaimmobilier.com", "erafrance.com",
			"foncia.com", "nestenn.com", "iadfrance.fr", "squarehabitat.fr", "citya.com", "capifrance.fr", "safti.fr");

	private Deduplication() {
	}

	static boolean sharedDomain(String domain) {
		return SHARED_DOMAINS.contains(domain) || domain.endsWith(".wixsite.com") || domain.endsWith(".business.site")
				|| domain.endsWith(".free.fr") && domain.split("\\.").length > 3;
	}

	/** The best match among candidates, if it reaches {@link #REVIEW}. */
	static Optional<Match> best(AgencyValues row, Collection<Candidate> candidates) {
		return best(Probe.of(row), candidates);
	}

	static Optional<Match> best(Probe probe, Collection<Candidate> candidates) {
		return Optional.ofNullable(rank(probe, candidates).best());
	}

	/**
	 * The best match among candidates, if it reaches {@link #REVIEW}, and another agency
	 * the row matches automatically by an identifier or a contact too, if any.
	 */
	static Ranking rank(Probe probe, Collection<Candidate> candidates) {
		Match best = null;
		boolean tied = false;
		// the two strongest matches by an identifier or a contact: the one that is not
		// the best is another agency the row is as surely
		Match first = null;
		Match second = null;
		Match byName = null;
		// a row of a name alone: every agency that bears it and says more is put to a
		// person, not only the first (at most Pool#NAMESAKES of them, ADR 0059)
		boolean nameOnly = nameOnly(probe);
		List<Match> namesakes = null;
		for (Candidate candidate : candidates) {
			Match match = score(probe, candidate);
			if (match == null || match.confidence() < REVIEW) {
				continue;
			}
			if (nameOnly && match.reasons().contains("name_only")) {
				if (namesakes == null) {
					namesakes = new ArrayList<>(2);
				}
				namesakes.add(match);
			}
			// of equal confidences the closer name wins ("Agence Martin" before
			// "Agence Martine" for a row "Agence Martin"), then the first: candidates
			// come in a stable order
			if (best == null || match.confidence() > best.confidence()
					|| match.confidence() == best.confidence() && match.similarity() > best.similarity()) {
				best = match;
				tied = false;
			}
			else if (match.confidence() == best.confidence() && match.similarity() == best.similarity()) {
				tied = true;
			}
			if (match.automatic() && match.byNameAndPlaceOnly()
					&& (byName == null || match.confidence() > byName.confidence())) {
				byName = match;
			}
			if (match.automatic() && !match.byNameAlone()) {
				if (first == null || match.confidence() > first.confidence()) {
					second = first;
					first = match;
				}
				else if (second == null || match.confidence() > second.confidence()) {
					second = match;
				}
			}
		}
		if (tied && best.automatic() && best.byNameAlone()) {
			// two agencies of that name in the place already, told apart by details
			// the row does not give: which one it is, a person decides
			best = best.ambiguous();
		}
		Match also = (first != null && first.agency() != best.agency()) ? first : second;
		Match named = (byName != null && byName.agency() != best.agency()) ? byName : null;
		List<Match> others = List.of();
		if (namesakes != null) {
			Match chosen = best;
			others = namesakes.stream().filter((m) -> m != chosen).toList();
		}
		return new Ranking(best, also, named, others);
	}

	/**
	 * What a row matched: its best match, and another agency it matches automatically by
	 * an identifier or a contact ({@code also}), which makes that agency and the best a
	 * possible duplicate of each other; and {@code byName}, the best other agency its
	 * name and place alone would merge it into; {@code namesakes}, for a row of a name
	 * alone, the other agencies that bear it and say more than the best (ADR 0059).
	 */
	record Ranking(@Nullable Match best, @Nullable Match also, @Nullable Match byName, List<Match> namesakes) {
	}

	static @Nullable Match score(Probe row, Candidate agency) {
		if (!mayMatch(row, agency) && !(lettersNest(row, agency) && oneHoldsTheOther(row.names, agency.names))) {
			return null;
		}
		if (row.siret != 0 && agency.siret != 0) {
			return (row.siret == agency.siret) ? sameSiret(row, agency) : null;
		}
		NameForms names = row.names;
		NameForms other = agency.names;
		// two networks' agencies in one town ("Century 21 Metz", "Laforêt
		// Metz") are rivals, whatever is left of their names once the brands
		// are set aside
		if (names.branded() && other.branded() && !names.sameBrand(other)) {
			return null;
		}
		String brand = names.branded() ? names.brand() : other.brand();
		boolean branded = brand != null;
		Place place = place(row, agency);
		if (place == Place.DIFFERENT && !branded && mainAndOtherPostcode(row, agency)) {
			// "34000 Montpellier" and "34070 Montpellier": a town's main postcode,
			// written for any of its others. One town, though not one postcode
			place = Place.SAME_TOWN;
		}
		// one page of a network's site is one agency's, wherever the rows say it is
		// ("Boulogne" with 92100, "Boulogne-Billancourt" without a postcode), when their
		// names agree (ADR 0095)
		boolean samePageApart = branded && place.apart() && row.domainPage && row.domain != 0
				&& row.domain == agency.domain && DistinctiveWords.related(names, other);
		if (branded && place.apart() && !samePageApart) {
			return null;
		}
		boolean sameSiren = row.siren != 0 && row.siren == agency.siren;
		boolean sameEmail = agency.sharesEmail(row.emails);
		boolean samePhone = agency.sharesPhone(row.phones);
		// a network's page of one agency names it, the network's home page does not
		boolean sameWebsite = row.domain != 0 && row.domain == agency.domain && !row.domainShared
				&& (!branded || row.domainPage);
		// one side's e-mail is at the other's website: contact@agence-gare.fr and
		// www.agence-gare.fr
		boolean emailAtWebsite = !sameWebsite && !branded
				&& ((row.emailDomain != 0 && row.emailDomain == agency.ownWebsite())
						|| (agency.emailDomain != 0 && agency.emailDomain == row.ownWebsite()));
		// most of a block shares nothing with the row and has a clearly different
		// name: with no shared identifier, only a name similarity of 0.88 or more can
		// make a match, and a cheap bound rules that out before Jaro-Winkler is worked
		// out; names that share no distinctive word are not compared at all (the rule
		// a large place's index relies on)
		// "Laforêt Bordeaux Caudéran" and "Laforêt Caudéran" in Bordeaux: one name
		// a row that says no town may name it: "Cabinet Fernandez - Paris 11" and
		// "Cabinet Fernandez" of Paris, one e-mail
		String town = (agency.cityKey == null || agency.cityKey.equals(row.cityKey)) ? row.cityKey
				: (row.cityKey == null) ? agency.cityKey : null;
		boolean nameAndTown = town != null && sameButTheTown(names, other, town);
		boolean withTown = (place == Place.SAME || place == Place.SAME_TOWN) && nameAndTown;
		// one street address in one place, and names that say the same once the words
		// every agency uses are set aside ("Immobilier Hervé", "Agence Hervé"): the
		// agency's two names, not two agencies at one door
		boolean sameDoor = row.addressWords != null && agency.door == Candidate.door(row.addressWords)
				&& row.addressWords.equals(agency.addressWords());
		// under one postcode, one name's words among the other's (ADR 0101): a company's
		// registered name and its sign ("SA Morin", "Maison Morin"), worked out once
		boolean withinAtDoor = sameDoor && place == Place.SAME && !otherTrades(names, other)
				&& wordsWithin(names, other, row.cityKey, agency.cityKey);
		boolean wordsAtDoor = sameDoor && (place == Place.SAME || place == Place.SAME_TOWN) && !branded
				&& (shareDistinctiveWords(names, other) && !otherTrades(names, other) || withinAtDoor);
		// a network's sign and a company's name there ("Orpi Moreau Immobilier", "SA
		// Moreau Durand Transactions"): likely the franchisee, for a person to confirm
		boolean signAtDoor = withinAtDoor && names.branded() != other.branded();
		// a company's registered name and a name without a legal form at that door,
		// no word in common ("SA MOREAU DURAND TRANSACTIONS", "Century 21 Jean Macé"):
		// a franchisee's company seldom bears its sign's words. Often one agency, not
		// surely: a person looks (ADR 0109)
		boolean companyAtDoor = sameDoor && place == Place.SAME && !withinAtDoor && !otherTrades(names, other)
				&& companyAndSign(row.registeredNames, names, agency.registeredNames(), other);
		// a name alone on one side, no place on either (ADR 0059): on both sides and the
		// same, the record again; against an agency that says more, a namesake for a
		// person to look at. Not a network's name, and not a name of words every agency
		// uses ("Agence Immobilière"), which says nothing of which agency it is
		boolean rowNameOnly = nameOnly(row);
		boolean nameAlone = place == Place.UNKNOWN && !branded && (rowNameOnly || agency.nameOnly())
				&& shareAName(names, other);
		boolean againByName = nameAlone && rowNameOnly && agency.nameOnly() && names.nameKey().equals(other.nameKey())
				&& names.tradeKey().equals(other.tradeKey());
		if (!sameSiren && !sameEmail && !samePhone && !sameWebsite && !emailAtWebsite && !withTown && !wordsAtDoor
				&& !signAtDoor && !companyAtDoor && !nameAlone
				&& (!place.near() || !mayBeSimilar(names, other, NAME_EVIDENCE, row.scratch)
						|| !DistinctiveWords.related(names, other))) {
			return null;
		}
		double similarity = nameAndTown ? 1.0 : nameSimilarity(names, other);
		List<String> reasons = new ArrayList<>();
		double miss = 1.0;
		boolean company = false;
		if (sameSiren) {
			if (similarity >= 0.9 && place.apart()) {
				// one company's two establishments, in two places: its agencies there,
				// told apart by their SIRETs, which a SIREN does not give
				miss *= 1 - 0.7;
				reasons.add("siren+name");
			}
			else if (similarity >= 0.9) {
				miss *= 1 - 0.97;
				reasons.add("siren+name");
				company = true;
			}
			else {
				miss *= 1 - 0.5;
				reasons.add("siren");
			}
		}
		if (sameEmail) {
			miss *= 1 - 0.95;
			reasons.add("email");
		}
		if (samePhone) {
			miss *= 1 - 0.9;
			reasons.add("phone");
		}
		// a network's agencies share the head office's website: it says nothing
		// about which agency
		// an agency's own page on a network's site names it as an e-mail does; an own
		// domain may be a small network's, shared by its agencies
		boolean samePage = sameWebsite && row.domainPage;
		// a company's site is all its establishments': in two places it is a hint
		double siteWeight = place.apart() ? 0.5 : 0.85;
		if (sameWebsite) {
			miss *= 1 - (samePage ? 0.95 : siteWeight);
			reasons.add("website");
		}
		if (emailAtWebsite) {
			miss *= 1 - siteWeight;
			reasons.add("email_website");
		}
		// an agency's own website and its name: one agency, even where one row does not
		// say where it is (a list of sites, another of addresses), unless their phones,
		// e-mails or other details disagree (a company's site, shared by its
		// establishments: laciotat@ and marseille@)
		boolean siteAgrees = (sameWebsite || emailAtWebsite) && !contradicts(row, agency);
		if ((sameWebsite && !samePage || emailAtWebsite) && siteAgrees && place == Place.UNKNOWN
				&& !names.nameKey().isEmpty() && !other.nameKey().isEmpty()
				&& (similarity >= 0.92 || sameDistinctiveWords(names, other))
				&& !(row.emails.length > 0 && agency.hasEmails() && !agency.sharesEmail(row.emails))) {
			miss *= 1 - 0.5;
			reasons.add(String.format(Locale.ROOT, "name:%.2f", similarity));
		}
		// the same door in the same postcode as a site, or an e-mail at it: one agency,
		// though a row gives no name ("; agence@x.fr; 38 ter chemin Foch; 75020")
		boolean doorCounted = siteAgrees && place == Place.SAME && sameDoor;
		if (doorCounted) {
			miss *= 1 - 0.5;
			reasons.add("address");
		}
		if (place.near() && !names.nameKey().isEmpty() && !other.nameKey().isEmpty()) {
			// The name alone merges only up to a typo: "Agence Martin" is not "Agence
			// Martinez". A network's "Town District" and "District" may be two of its
			// agencies of the town: a person confirms, unless something else says so.
			// A company's name and its agency's trade name, both the same, are two
			// names that agree: namesakes of one town share one of them, not both. A
			// company's registered name the same on both sides ("SAS Cap Habitat Sud")
			// is as good: namesakes of one town share a trade name, not a company.
			boolean bothNames = !branded && (sameNameAndTradeName(names, other)
					|| sameRegisteredName(names, row.registeredNames, other, agency.registeredNames()));
			boolean typo = withTown && !branded || bothNames || wordsAtDoor
					|| similarity >= 0.97 && withinTypo(names, other);
			// a town name alone is a weak place: many French towns share one
			// ("Saint-Denis")
			double nameWeight = typo ? ((place == Place.SAME || bothNames) ? 0.92 : 0.8)
					: (similarity >= 0.92) ? 0.8 : (similarity >= NAME_EVIDENCE) ? 0.55 : 0;
			// "Dupont" and "Dumont" in one street are one typo apart:
			// their other details decide
			if (nameWeight > 0.6 && reasons.isEmpty() && contradicts(row, agency)) {
				// alike only by their town ("Maubeuge Immobilier", "ERA Immobilier
				// Maubeuge"), or two companies (two SIRENs) named apart, not a typo
				// apart nor at one door: nothing ties them and their details disagree,
				// no pair to review (ADR 0109)
				boolean twoCompanies = row.siren != 0 && agency.siren != 0 && row.siren != agency.siren;
				if (!sameDoor && !withinTypo(names, other)
						&& (!shareWordsBeyondTown(names, other, row.cityKey, agency.cityKey)
								|| twoCompanies && !sameName(names, other))) {
					nameWeight = 0;
				}
				else {
					nameWeight = 0.6;
					reasons.add("details_differ");
				}
			}
			// names only alike (not a typo apart, no word more in common) whose
			// details disagree: "Lille Roux Immobilier" and "Lille Morin Immobilier",
			// two doors of one postcode. Nothing says they are one: no pair to review.
			// At one door, a person looks (ADR 0109)
			else if (nameWeight > 0 && nameWeight < 0.6 && reasons.isEmpty() && !sameDoor && contradicts(row, agency)) {
				nameWeight = 0;
			}
			if (nameWeight > 0) {
				miss *= 1 - nameWeight;
				reasons.add(String.format(Locale.ROOT, "name:%.2f", similarity));
			}
			// the same name at the same street address of the same place: the record
			// again (a second file, a row copied twice), not a namesake elsewhere in
			// a town that shares its name ("Dupont" and "Dumont" at one door stay two
			// names to check)
			if (nameWeight > 0.6 && (withTown || wordsAtDoor || sameName(names, other)) && sameDoor && !doorCounted) {
				miss *= 1 - 0.6;
				reasons.add("address");
			}
			// the same name in one town, and neither side says anything else (no
			// postcode, identifier, contact or address): the record again, a row
			// copied twice or a file imported a second time. Namesakes that nothing
			// tells apart in the file cannot be told apart by a person either (ADR
			// 0048). A network's agency is, when its name says more than the brand and
			// the town: "Orpi Saint-Michel" in Tours, not "Orpi Tours" (ADR 0113)
			else if (nameWeight > 0.6 && place == Place.SAME_TOWN
					&& (!branded || !wordsBeyondTowns(names.strippedName(), row.cityKey, agency.cityKey).isEmpty())
					&& sameName(names, other) && names.tradeKey().equals(other.tradeKey()) && bare(row)
					&& agency.bare()) {
				miss *= 1 - 0.6;
				reasons.add("same_record");
			}
		}
		if (nameAlone && reasons.isEmpty()) {
			// nothing else than the name, so nothing that disagrees either: the same
			// name alone twice is a row copied or a file imported again, as a bare
			// row of a town is (ADR 0048), weighed as such (0.92, merged); a name alone
			// against an agency that says more may be one of its namesakes elsewhere
			// (0.6, for a person), which the pool brings only when few agencies bear
			// it (ImportBatch.Pool#NAMESAKES)
			reasons.add(String.format(Locale.ROOT, "name:%.2f", similarity));
			if (againByName) {
				miss *= (1 - 0.8) * (1 - 0.6);
				reasons.add("same_record");
			}
			else {
				miss *= 1 - 0.6;
				reasons.add("name_only");
			}
		}
		boolean bothNamed = !names.nameKey().isEmpty() && !other.nameKey().isEmpty();
		// a shared site that spells one side's name, "guerin-giraud-immobilier.fr" for
		// "Guérin-Giraud Immobilier": the other side, at the same place and with nothing
		// that disagrees, is that agency under its company's name ("Martin Conseil")
		boolean siteNamesOne = bothNamed && similarity < 0.6 && siteAgrees && !samePage && !branded && place.near()
				&& siteSpellsAName(row, agency, sameWebsite);
		if (siteNamesOne) {
			miss *= 1 - 0.5;
			reasons.add("site_name");
		}
		double confidence = 1 - miss;
		boolean signForReview = signAtDoor && confidence < SIGN_AT_DOOR && !contradicts(row, agency);
		if (signForReview) {
			confidence = SIGN_AT_DOOR;
			reasons.add("sign_at_door");
		}
		boolean companyForReview = companyAtDoor && confidence < COMPANY_AT_DOOR && !contradicts(row, agency);
		if (companyForReview) {
			confidence = COMPANY_AT_DOOR;
			reasons.add("company_at_door");
		}
		if (reasons.isEmpty()) {
			return null;
		}
		// an e-mail is the agency's own (a phone may be a shared switchboard): with it,
		// names apart only by the words every agency uses are one agency, and so are
		// names a typo took apart ("Century 2 Brest", "Citya Less Halles") when the
		// phone is the same too
		if (!company && bothNamed && similarity < 0.6 && !siteNamesOne && !wordsAtDoor && !signForReview
				&& !companyForReview && !(sameEmail && (samePhone || sameDistinctiveWords(names, other)))) {
			confidence *= 0.6;
			reasons.add("names_differ");
		}
		// an owner's mobile or a group's e-mail given for two of its agencies, named
		// apart in two towns: only the contact agrees, the names and the places do not
		// (ADR 0082). A person decides; an agency that moved keeps its name
		if (!company && bothNamed && place.apart() && (sameEmail || samePhone) && !sameSiren && !sameWebsite
				&& !emailAtWebsite && !DistinctiveWords.related(names, other)) {
			confidence = Math.min(confidence, NETWORK_CONTACT);
			reasons.add("places_differ");
		}
		// a list that gives each of a network's agencies the head office's e-mail or
		// switchboard (contact@century21.fr): two of its agencies of one town, named
		// apart and at two doors, share them without being one agency. A person looks
		if (networkContact(row, agency, similarity, nameAndTown) && (sameEmail || samePhone) && !sameSiren
				&& !sameWebsite) {
			confidence = Math.min(confidence, NETWORK_CONTACT);
			reasons.add("network_contact");
		}
		// a row of a network's agency that says not where could be any of its agencies,
		// unless two of its own details say which: the company and the name, or the
		// agency's e-mail and its phone
		boolean which = sameSiren && similarity >= 0.9 || sameEmail && samePhone;
		if (branded && place == Place.UNKNOWN && !samePage && !which) {
			confidence = Math.min(confidence, 0.85);
			reasons.add("franchise:" + brand);
		}
		if (place == Place.SAME || place == Place.SHARED_POSTCODE) {
			reasons.add("same_postcode");
		}
		else if (place == Place.SAME_TOWN) {
			reasons.add("same_city");
		}
		return new Match(agency, Math.round(confidence * 1000) / 1000.0, List.copyOf(reasons), similarity);
	}

	/**
	 * One SIRET is one establishment: the same agency, whatever its names, unless the two
	 * are named apart (no distinctive word in common, even up to a typo) in two towns.
	 * Then the file gave the head office's SIRET to several of its agencies, as network
	 * files do, and a person decides (ADR 0088), as for a contact shared by two names in
	 * two towns (ADR 0082). An agency that moved keeps its name and is still merged; so
	 * are two rows of which one says no place or has no name.
	 */
	private static Match sameSiret(Probe row, Candidate agency) {
		double similarity = nameSimilarity(row.names, agency.names);
		if (!row.names.nameKey().isEmpty() && !agency.names.nameKey().isEmpty() && place(row, agency).apart()
				&& !mainAndOtherPostcode(row, agency)
				&& (!DistinctiveWords.related(row.names, agency.names) || networkAgenciesOfATown(row, agency))) {
			return new Match(agency, NETWORK_CONTACT, List.of("siret", "siret_shared"), similarity);
		}
		return new Match(agency, 1.0, List.of("siret"), similarity);
	}

	/**
	 * Whether two agencies of one network are named after their town and told apart by
	 * the rest: "Orpi Lyon 3" and "Orpi Lyon 7", "Foncia Lyon Bellecour" and "Foncia Lyon
	 * Part-Dieu" share the town's word, which says nothing of which agency they are.
	 */
	private static boolean networkAgenciesOfATown(Probe row, Candidate agency) {
		if (!row.names.branded() || !row.names.sameBrand(agency.names)) {
			return false;
		}
		double beyond = beyondTheirTown(row, agency);
		return beyond >= 0 && beyond < NETWORK_NAMES_APART;
	}

	/**
	 * How alike two names of one network's agencies are once the brand and the town both
	 * hold are set aside ("Foncia Montpellier Cathédrale" and "Foncia Montpellier Saxe":
	 * "cathedrale" and "saxe"), or -1 when one of them does not hold the town or holds
	 * nothing else (ADR 0094).
	 */
	private static double beyondTheirTown(Probe row, Candidate agency) {
		// the longer of the two towns first: "Boulogne-Billancourt" said "Boulogne"
		String town = longer(row.cityKey, agency.cityKey);
		String shorter = (town == row.cityKey) ? agency.cityKey : row.cityKey;
		String mine = beyondTown(beyondTown(row.names.strippedName(), town), shorter);
		String theirs = beyondTown(beyondTown(agency.names.strippedName(), town), shorter);
		if (mine.isEmpty() || theirs.isEmpty() || mine.equals(row.names.strippedName())
				|| theirs.equals(agency.names.strippedName())) {
			return -1;
		}
		return similarity(mine, theirs);
	}

	/**
	 * Whether the domain the two share, as a website or as one's e-mails' domain at the
	 * other's website, spells the name of the side it came with.
	 */
	private static boolean siteSpellsAName(Probe row, Candidate agency, boolean sameWebsite) {
		if (sameWebsite) {
			return row.siteNamed || agency.siteNamed();
		}
		if (row.emailDomain != 0 && row.emailDomain == agency.ownWebsite()) {
			return row.mailNamed || agency.siteNamed();
		}
		return agency.mailNamed() || row.siteNamed;
	}

	/**
	 * Whether the two are agencies of one network whose names differ by more than a typo
	 * once the network is set aside ("Century 21 Lyon Centre", "Century 21 Bellecour"),
	 * the town too, and whose street addresses are clearly two: what they share can only
	 * be the network's.
	 */
	private static boolean networkContact(Probe row, Candidate agency, double similarity, boolean nameAndTown) {
		NameForms names = row.names;
		NameForms other = agency.names;
		if (!names.branded() || !other.branded() || names.nameKey().isEmpty() || other.nameKey().isEmpty()
				|| nameAndTown || oneHoldsTheOther(names, other)) {
			return false;
		}
		if (similarity >= NETWORK_NAMES_APART) {
			// alike by the town they both hold: the rest tells them apart, or not
			double beyond = beyondTheirTown(row, agency);
			if (beyond < 0 || beyond >= NETWORK_NAMES_APART) {
				return false;
			}
		}
		String address = agency.addressWords();
		return row.addressWords != null && address != null && (otherNumbers(row.addressWords, address)
				|| JaroWinkler.similarity(row.addressWords, address) < 0.85);
	}

	private static @Nullable String longer(@Nullable String a, @Nullable String b) {
		return (a == null || b != null && b.length() > a.length()) ? b : a;
	}

	/**
	 * A network's agency's name, its brand already set aside, without the words of its
	 * town: "montpellier cathedrale" in Montpellier is "cathedrale". The name as it is
	 * when it does not hold the town.
	 */
	static String beyondTown(String stripped, @Nullable String cityKey) {
		if (cityKey == null || stripped.isEmpty()) {
			return stripped;
		}
		String town = NameKey.of(cityKey);
		String padded = " " + stripped + " ";
		int at = padded.indexOf(" " + town + " ");
		if (town.isEmpty() || at < 0) {
			return stripped;
		}
		return (padded.substring(0, at) + padded.substring(at + town.length() + 1)).strip();
	}

	/**
	 * Whether the agency can match the row at all, which {@link #score} asks first: most
	 * of a block shares no identifier with the row and has a name too different to
	 * matter, and the summaries rule it out without reaching the candidate's strings.
	 */
	static boolean mayMatch(Probe row, Candidate agency) {
		return (row.identifiers & agency.identifiers) != 0 || mayResemble(row, agency)
				|| agency.door != 0 && agency.door == Candidate.door(row.addressWords);
	}

	/**
	 * Whether {@link #nameSimilarity} could reach {@code threshold}: an upper bound of
	 * Jaro-Winkler from the characters the two keys have in common (matching characters
	 * are at most the common ones, transpositions and the prefix bonus at best).
	 */
	static boolean mayBeSimilar(NameForms a, NameForms b, double threshold, int[] scratch) {
		// every pair of a name or trade name of each side, without arrays: called for
		// most of a block
		return mayBeSimilar(a.nameKey(), a.strippedName(), b, threshold, scratch)
				|| mayBeSimilar(a.tradeKey(), a.strippedTrade(), b, threshold, scratch);
	}

	private static boolean mayBeSimilar(String key, String stripped, NameForms b, double threshold, int[] scratch) {
		return mayBeSimilar(key, stripped, b.nameKey(), b.strippedName(), threshold, scratch)
				|| mayBeSimilar(key, stripped, b.tradeKey(), b.strippedTrade(), threshold, scratch);
	}

	private static boolean mayBeSimilar(String keyA, String strippedA, String keyB, String strippedB, double threshold,
			int[] scratch) {
		if (keyA.isEmpty() || keyB.isEmpty()) {
			return false;
		}
		return strippedA.isEmpty() || strippedB.isEmpty()
				|| similarityBound(strippedA, strippedB, scratch) >= threshold - 1e-9;
	}

	/**
	 * Bits of the identifier hashes (one bit each): two agencies that share an identifier
	 * share a bit.
	 */
	static long identifiers(long siret, long siren, long[] emails, long[] phones, long website) {
		long bits = bit(siret) | bit(siren) | bit(website);
		for (long email : emails) {
			bits |= bit(email);
		}
		for (long phone : phones) {
			bits |= bit(phone);
		}
		return bits;
	}

	static long bit(long hash) {
		return (hash != 0) ? 1L << (hash & 63) : 0;
	}

	/**
	 * The characters of a name without its brand, as bits (folded to 64 as
	 * {@link #similarityBound} folds them to 128).
	 */
	static long letters(String stripped) {
		long bits = 0;
		for (int i = 0; i < stripped.length(); i++) {
			bits |= 1L << (stripped.charAt(i) & 63);
		}
		return bits;
	}

	/** The length of a name without its brand, or -1 when there is no name at all. */
	static int outline(String key, String stripped) {
		return key.isEmpty() ? -1 : stripped.length();
	}

	/**
	 * What {@link #mayBeSimilar} answers for any pair of a name or trade name of each
	 * side, or yes when that cannot be told from their outlines.
	 */
	private static boolean mayResemble(Probe row, Candidate agency) {
		return mayResemble(row.nameOutline, row.nameLetters, agency.nameOutline, agency.nameLetters)
				|| mayResemble(row.nameOutline, row.nameLetters, agency.tradeOutline, agency.tradeLetters)
				|| mayResemble(row.tradeOutline, row.tradeLetters, agency.nameOutline, agency.nameLetters)
				|| mayResemble(row.tradeOutline, row.tradeLetters, agency.tradeOutline, agency.tradeLetters);
	}

	/**
	 * What {@link #mayBeSimilar} answers for one pair of names, or yes when that cannot
	 * be told from outlines: a character whose bit the other name lacks is a character
	 * the other name lacks, so the common characters are at most the rest.
	 */
	private static boolean mayResemble(int lengthA, long lettersA, int lengthB, long lettersB) {
		if (lengthA < 0 || lengthB < 0) {
			return false;
		}
		if (lengthA == 0 || lengthB == 0) {
			return true;
		}
		int common = Math.min(lengthA - Long.bitCount(lettersA & ~lettersB),
				lengthB - Long.bitCount(lettersB & ~lettersA));
		return bound(common, lengthA, lengthB) >= NAME_EVIDENCE - 1e-9;
	}

	private static double bound(int common, int lengthA, int lengthB) {
		double jaro = ((double) common / lengthA + (double) common / lengthB + 1) / 3.0;
		return jaro + 0.4 * (1.0 - jaro);
	}

	static double similarityBound(String a, String b, int[] scratch) {
		for (int i = 0; i < a.length(); i++) {
			scratch[a.charAt(i) & 127]++;
		}
		int common = 0;
		for (int i = 0; i < b.length(); i++) {
			int c = b.charAt(i) & 127;
			if (scratch[c] > 0) {
				scratch[c]--;
				common++;
			}
		}
		for (int i = 0; i < a.length(); i++) {
			scratch[a.charAt(i) & 127] = 0;
		}
		return bound(common, a.length(), b.length());
	}

	/** The most similar pair among the names and trade names, brands set aside. */
	static double nameSimilarity(NameForms a, NameForms b) {
		return Math.max(
				Math.max(similarity(a.nameKey(), a.strippedName(), b.nameKey(), b.strippedName()),
						similarity(a.nameKey(), a.strippedName(), b.tradeKey(), b.strippedTrade())),
				Math.max(similarity(a.tradeKey(), a.strippedTrade(), b.nameKey(), b.strippedName()),
						similarity(a.tradeKey(), a.strippedTrade(), b.tradeKey(), b.strippedTrade())));
	}

	/**
	 * Whether the two names say the same once the words every agency uses are set aside:
	 * "Agence Dupont" and "Dupont Immobilier" are far apart letter by letter but name the
	 * same business. Asked only of a pair that already shares an e-mail.
	 */
	static boolean sameDistinctiveWords(NameForms a, NameForms b) {
		return sameDistinctiveWords(a.strippedName(), b.strippedName());
	}

	/** Words of a name that say which of the trade's lines an agency works in. */
	private static final Set<String> TRADES = Set.of("gestion", "syndic", "syndics", "location", "locations",
			"transaction", "vente", "ventes", "copropriete", "coproprietes");

	/**
	 * Whether the names say two lines of the trade, and none in common: "Cabinet Gautier
	 * Gestion" and "Gautier Transactions" at one door are a family's two companies, which
	 * only an identifier they share makes one.
	 */
	static boolean otherTrades(NameForms a, NameForms b) {
		Set<String> mine = trades(a);
		if (mine.isEmpty()) {
			return false;
		}
		Set<String> theirs = trades(b);
		return !theirs.isEmpty() && Collections.disjoint(mine, theirs);
	}

	private static Set<String> trades(NameForms names) {
		Set<String> trades = new HashSet<>();
		for (String key : List.of(names.nameKey(), names.tradeKey())) {
			for (String word : key.split(" ")) {
				if (TRADES.contains(word)) {
					trades.add(word.endsWith("s") ? word.substring(0, word.length() - 1) : word);
				}
			}
		}
		return trades;
	}

	/**
	 * Whether the distinctive words of a name or trade name of one side, those of either
	 * side's town set aside, are all among those of a name or trade name of the other,
	 * one of them of four letters or more: "Morin" and "Maison Morin", "Moreau" and
	 * "Moreau Durand", not "Maillard Fils" and "Perrin Maillard", nor "Nice Thomas" and
	 * "Nice Saxe" in Nice.
	 */
	static boolean wordsWithin(NameForms a, NameForms b, @Nullable String town, @Nullable String otherTown) {
		for (String mine : List.of(a.strippedName(), a.strippedTrade())) {
			Set<String> myWords = wordsBeyondTowns(mine, town, otherTown);
			for (String theirs : List.of(b.strippedName(), b.strippedTrade())) {
				Set<String> theirWords = wordsBeyondTowns(theirs, town, otherTown);
				Set<String> fewer = (myWords.size() <= theirWords.size()) ? myWords : theirWords;
				Set<String> more = (fewer == myWords) ? theirWords : myWords;
				if (fewer.stream().anyMatch((word) -> word.length() >= 4) && more.containsAll(fewer)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether a name or trade name of each side share a distinctive word once the towns
	 * are set aside: "Belle Pierre Immobilière" and "Agence Belle Pierre", not "Maubeuge
	 * Immobilier" and "ERA Immobilier Maubeuge" in Maubeuge.
	 */
	static boolean shareWordsBeyondTown(NameForms a, NameForms b, @Nullable String town, @Nullable String otherTown) {
		for (String mine : List.of(a.strippedName(), a.strippedTrade())) {
			Set<String> myWords = wordsBeyondTowns(mine, town, otherTown);
			for (String theirs : List.of(b.strippedName(), b.strippedTrade())) {
				if (!Collections.disjoint(myWords, wordsBeyondTowns(theirs, town, otherTown))) {
					return true;
				}
			}
		}
		return false;
	}

	/** The distinctive words of a stripped name once either side's town is set aside. */
	private static Set<String> wordsBeyondTowns(String stripped, @Nullable String town, @Nullable String otherTown) {
		return DistinctiveWords.of(beyondTown(beyondTown(stripped, town), otherTown));
	}

	/**
	 * {@link #sameDistinctiveWords} of a name or trade name of each side: "Le Toit Bleu
	 * Immobilier" trading for "SNC TRB Invest", and "Le Toit Bleu".
	 */
	static boolean shareDistinctiveWords(NameForms a, NameForms b) {
		return sameDistinctiveWords(a.strippedName(), b.strippedName())
				|| sameDistinctiveWords(a.strippedName(), b.strippedTrade())
				|| sameDistinctiveWords(a.strippedTrade(), b.strippedName())
				|| sameDistinctiveWords(a.strippedTrade(), b.strippedTrade());
	}

	private static boolean sameDistinctiveWords(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return false;
		}
		Set<String> words = DistinctiveWords.of(a);
		return words.stream().mapToInt(String::length).sum() >= 4 && words.equals(DistinctiveWords.of(b));
	}

	/** The similarity of a name or trade name of each side, 0 when one is missing. */
	private static double similarity(String keyA, String strippedA, String keyB, String strippedB) {
		if (keyA.isEmpty() || keyB.isEmpty()) {
			return 0;
		}
		if (strippedA.isEmpty() || strippedB.isEmpty()) {
			// "Orpi" alone against "Orpi Gare": the brand says nothing about the agency
			return (strippedA.isEmpty() && strippedB.isEmpty()) ? 0.9 : 0.5;
		}
		double similarity = similarity(strippedA, strippedB);
		if (keyA.length() - strippedA.length() != keyB.length() - strippedB.length()) {
			// the brand was taken off one side only, or written two ways: "oopi rennes
			// gare" keeps the "Orpi" its typo hides, "stephane plaza immoobilier" the
			// "immo" of "stephane plaza immo"; the whole names compare what is left
			similarity = Math.max(similarity, similarity(keyA, keyB));
		}
		return similarity;
	}

	private static double similarity(String a, String b) {
		if (!numbers(a).equals(numbers(b))) {
			// "Agence 1" and "Agence 10", "Lyon 3" and "Lyon 6": numbered branches differ
			return Math.min(0.5, JaroWinkler.similarity(a, b));
		}
		double similarity = JaroWinkler.similarity(a, b);
		// the same words in another order, alike but not within a typo: "Pons et
		// Weber" and "Weber et Pons", "Immobilière Blanc" and "Blanc Immobilier"
		return (similarity < 0.95 && a.length() == b.length() && sameWords(a, b)) ? 0.95 : similarity;
	}

	/** Whether two keys of one length hold the same words, in any order. */
	static boolean sameWords(String a, String b) {
		if (a.equals(b) || a.indexOf(' ') < 0) {
			return a.equals(b);
		}
		String[] x = a.split(" ");
		String[] y = b.split(" ");
		java.util.Arrays.sort(x);
		java.util.Arrays.sort(y);
		return java.util.Arrays.equals(x, y);
	}

	/**
	 * Whether one name is the other with the town both are in: "Agence Gonzalez
	 * Villeurbanne" and "Agence Gonzalez" in Villeurbanne, as far apart as a typo. A
	 * network's agency may name its town before its district too: "Laforêt Bordeaux
	 * Caudéran" and "Laforêt Caudéran" in Bordeaux. "Immobilier" after a name is the name
	 * too.
	 */
	static boolean sameButTheTown(NameForms a, NameForms b, @Nullable String cityKey) {
		if (a.branded() || b.branded()) {
			return cityKey != null && a.sameBrand(b) && withTown(a.strippedName(), b.strippedName(), cityKey, true);
		}
		return withTown(a.nameKey(), b.nameKey(), cityKey, false);
	}

	/**
	 * Whether the letters of one name are all in the other's, which
	 * {@link #oneHoldsTheOther} needs: told from the summaries, without reaching the
	 * candidate's strings.
	 */
	private static boolean lettersNest(Probe row, Candidate agency) {
		return row.nameOutline > 0 && agency.nameOutline > 0
				&& ((row.nameLetters & ~agency.nameLetters) == 0 || (agency.nameLetters & ~row.nameLetters) == 0);
	}

	/**
	 * Whether one name is the other with words before or after it ("Cousin Immobilier"
	 * and "Cousin Immobilier Saint-Germain-en-Laye"), which {@link #mayMatch}'s bound on
	 * their letters rules out: {@link #sameButTheTown} may still say they are one.
	 */
	static boolean oneHoldsTheOther(NameForms a, NameForms b) {
		return holds(a.nameKey(), b.nameKey()) || holds(a.strippedName(), b.strippedName());
	}

	private static boolean holds(String x, String y) {
		if (x.isEmpty() || y.isEmpty() || x.length() == y.length()) {
			return false;
		}
		String longer = (x.length() > y.length()) ? x : y;
		String shorter = (longer == x) ? y : x;
		return longer.startsWith(shorter) && longer.charAt(shorter.length()) == ' '
				|| longer.endsWith(shorter) && longer.charAt(longer.length() - shorter.length() - 1) == ' ';
	}

	/**
	 * Whether the longer of two keys is the shorter with the town after it (or before it,
	 * for a network's district), and the shorter still names something.
	 */
	private static boolean withTown(String x, String y, @Nullable String cityKey, boolean before) {
		String longer = (x.length() > y.length()) ? x : y;
		String shorter = (longer == x) ? y : x;
		if (shorter.isEmpty() || longer.length() <= shorter.length() + 1) {
			return false;
		}
		boolean after = longer.startsWith(shorter) && longer.charAt(shorter.length()) == ' ';
		boolean first = before && longer.endsWith(shorter)
				&& longer.charAt(longer.length() - shorter.length() - 1) == ' ';
		if (!after && !first) {
			return false;
		}
		String rest = after ? longer.substring(shorter.length() + 1)
				: longer.substring(0, longer.length() - shorter.length() - 1);
		// "Renard et Nguyen Immobilier" and "Renard et Nguyen": the trade said or not
		// "Marseille 2", "Lyon 9e": the town with its arrondissement
		boolean town = (cityKey != null && (rest.equals(NameKey.of(cityKey)) || sameTown(rest, cityKey)))
				|| (after && rest.equals("immo"));
		return town && (before || !DistinctiveWords.of(shorter).isEmpty());
	}

	/**
	 * Whether the two sides disagree on what should be the same for one agency: different
	 * SIRENs; unless the same name is at the same address, both have e-mails and share
	 * none, both have phones and share none, different websites, or clearly different
	 * street addresses.
	 */
	static boolean contradicts(Probe row, Candidate agency) {
		// two companies: a SIREN is the legal entity's own
		if (row.siren != 0 && agency.siren != 0 && row.siren != agency.siren) {
			return true;
		}
		String address = (row.addressWords != null) ? agency.addressWords() : null;
		if (address != null && address.equals(row.addressWords) && row.names.nameKey().equals(agency.names.nameKey())) {
			// the same name at the same door: another phone or e-mail is one more of
			// the agency's, not another agency
			return false;
		}
		// two people's addresses at the agency's own domain are one agency's; a
		// network's agencies all have addresses at the network's
		boolean ownDomain = row.emailDomain != 0 && row.emailDomain == agency.emailDomain && !row.names.branded()
				&& !agency.names.branded();
		// a person's mailbox at a mail service (the manager's) against the agency's own
		// domain tells nothing for one name: two agencies have their own domains, or two
		// mailboxes. Names a typo apart ("Fabre", "Faure") keep it as a difference
		boolean personalAgainstOwn = (row.emailDomain == 0) != (agency.emailDomain == 0)
				&& sameName(row.names, agency.names);
		if (row.emails.length > 0 && agency.hasEmails() && !agency.sharesEmail(row.emails) && !ownDomain
				&& !personalAgainstOwn) {
			return true;
		}
		if (!row.decidedLast && row.phones.length > 0 && agency.hasPhones() && !agency.sharesPhone(row.phones)) {
			return true;
		}
		// a subdomain is the same company's site: "nantes.agence-x.immo", "agence-x.immo"
		if (row.domain != 0 && agency.domain != 0 && row.domain != agency.domain && row.siteParent != agency.domain
				&& agency.siteParent != row.domain) {
			return true;
		}
		return address != null && (otherNumbers(row.addressWords, address)
				|| JaroWinkler.similarity(row.addressWords, address) < 0.85);
	}

	/**
	 * Whether the end of a name key is the town: "sainte marie mer" and
	 * "Ste-Marie-la-Mer", "marseille 2" and "Marseille".
	 */
	static boolean sameTown(String words, String cityKey) {
		return townWords(Objects.requireNonNull(TownKey.of(words))).equals(townWords(cityKey));
	}

	private static final Set<String> TOWN_LITTLE_WORDS = Set.of("l", "la", "le", "les", "d", "de", "du", "des", "en",
			"sur", "sous", "et", "a", "au", "aux");

	private static String townWords(String townKey) {
		StringBuilder words = new StringBuilder(townKey.length());
		for (String word : townKey.split(" ")) {
			if (word.isEmpty() || TOWN_LITTLE_WORDS.contains(word)) {
				continue;
			}
			if (!words.isEmpty()) {
				words.append(' ');
			}
			words.append(switch (word) {
				case "saint" -> "st";
				case "sainte" -> "ste";
				default -> word;
			});
		}
		return words.toString();
	}

	/**
	 * Whether two addresses begin with different house numbers: "7 rue du Général de
	 * Gaulle" and "154 rue du Général de Gaulle" are as alike as addresses go, yet two
	 * doors apart.
	 */
	static boolean otherNumbers(String a, String b) {
		int digits = leadingDigits(a);
		int others = leadingDigits(b);
		return digits > 0 && others > 0 && (digits != others || !a.regionMatches(0, b, 0, digits));
	}

	private static int leadingDigits(String words) {
		int i = 0;
		while (i < words.length() && words.charAt(i) >= '0' && words.charAt(i) <= '9') {
			i++;
		}
		return i;
	}

	/** A row that gives only names and a place: no identifier, contact or address. */
	private static boolean bare(Probe row) {
		return row.identifiers() == 0 && row.addressWords() == null && row.postcode() == null;
	}

	/**
	 * A row that gives a name and nothing else: no place, identifier, contact or address
	 * (ADR 0059). A network's name, or one of words every agency uses, is not enough.
	 */
	static boolean nameOnly(Probe row) {
		return bare(row) && row.cityKey() == null && telling(row.names());
	}

	/**
	 * Whether a name can tell an agency at all: not a network's, and with a word other
	 * than those every agency uses ("Agence Immobilière").
	 */
	static boolean telling(NameForms names) {
		return names.named() && !names.branded() && !DistinctiveWords.of(names.strippedName()).isEmpty();
	}

	/**
	 * Whether a name or trade name of one side is a name or trade name of the other, and
	 * they are not one company's two agencies: the same company name with two different
	 * trade names ("SARL Cap Invest Est" trading as "Immobilière Marchal" and as "Agence
	 * du Vieux Port").
	 */
	static boolean shareAName(NameForms a, NameForms b) {
		if (a.nameKey().equals(b.nameKey()) && !a.tradeKey().isEmpty() && !b.tradeKey().isEmpty()
				&& !a.tradeKey().equals(b.tradeKey())) {
			return false;
		}
		return sameKey(a.nameKey(), b) || sameKey(a.tradeKey(), b);
	}

	private static boolean sameKey(String key, NameForms b) {
		return !key.isEmpty() && (key.equals(b.nameKey()) || key.equals(b.tradeKey()));
	}

	/**
	 * Whether the two names are one: the same key, or the same network's agency named
	 * alike once the network is set aside ("Agence Orpi Gare" and "Orpi Gare").
	 */
	static boolean sameName(NameForms a, NameForms b) {
		return a.nameKey().equals(b.nameKey()) || a.sameBrand(b) && a.strippedName().equals(b.strippedName());
	}

	/**
	 * Whether one side goes by a company's registered name only and the other, named, by
	 * no registered name: a company and a sign, not two companies nor two signs.
	 */
	static boolean companyAndSign(byte aRegistered, NameForms a, byte bRegistered, NameForms b) {
		return !a.nameKey().isEmpty() && !b.nameKey().isEmpty() && (aRegistered == 0) != (bRegistered == 0);
	}

	/**
	 * Whether a name of each side that is a company's as registered (with its legal form,
	 * {@link NameKey#registered}) is the same, and says more than the words every agency
	 * uses: "SAS CAP HABITAT SUD" and "Cap Habitat Sud SAS".
	 */
	static boolean sameRegisteredName(NameForms a, byte aRegistered, NameForms b, byte bRegistered) {
		if (aRegistered == 0 || bRegistered == 0) {
			return false;
		}
		for (String mine : registeredKeys(a, aRegistered)) {
			for (String theirs : registeredKeys(b, bRegistered)) {
				if (mine.equals(theirs) && sameDistinctiveWords(mine, theirs)) {
					return true;
				}
			}
		}
		return false;
	}

	private static List<String> registeredKeys(NameForms names, byte registered) {
		boolean name = (registered & Candidate.NAME_REGISTERED) != 0 && !names.nameKey().isEmpty();
		boolean trade = (registered & Candidate.TRADE_REGISTERED) != 0 && !names.tradeKey().isEmpty();
		return name ? (trade ? List.of(names.nameKey(), names.tradeKey()) : List.of(names.nameKey()))
				: trade ? List.of(names.tradeKey()) : List.of();
	}

	/**
	 * Whether both sides give a company name and a different trade name, and both are the
	 * same: "ILA Transactions EURL", trading as "Agence Immobilière des Arcades".
	 */
	static boolean sameNameAndTradeName(NameForms a, NameForms b) {
		return !a.nameKey().isEmpty() && !a.tradeKey().isEmpty() && !a.nameKey().equals(a.tradeKey())
				&& a.nameKey().equals(b.nameKey()) && a.tradeKey().equals(b.tradeKey());
	}

	/** Whether a name or trade name of each side are at most one typo apart. */
	static boolean withinTypo(NameForms a, NameForms b) {
		return withinTypos(a, b, 1);
	}

	/**
	 * Whether a name or trade name of each side are at most {@code typos} typos apart,
	 * their network's name aside when they have the same.
	 */
	static boolean withinTypos(NameForms a, NameForms b, int typos) {
		if (a.sameBrand(b) && !a.strippedName().isEmpty()
				&& editDistance(a.strippedName(), b.strippedName(), typos) <= typos) {
			return true;
		}
		for (String x : new String[] { a.nameKey(), a.tradeKey() }) {
			for (String y : new String[] { b.nameKey(), b.tradeKey() }) {
				if (!x.isEmpty() && !y.isEmpty() && editDistance(x, y, typos) <= typos) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Optimal string alignment distance (insertions, deletions, substitutions, swaps of
	 * neighbours), or {@code limit + 1} as soon as it exceeds {@code limit}.
	 */
	static int editDistance(String a, String b, int limit) {
		if (Math.abs(a.length() - b.length()) > limit) {
			return limit + 1;
		}
		// three rows of the table are enough: a swap looks two rows back
		int[] twoBack = new int[b.length() + 1];
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int rowMin = Integer.MAX_VALUE;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					current[j] = Math.min(current[j], twoBack[j - 2] + 1);
				}
				rowMin = Math.min(rowMin, current[j]);
			}
			if (rowMin > limit) {
				return limit + 1;
			}
			int[] free = twoBack;
			twoBack = previous;
			previous = current;
			current = free;
		}
		return previous[b.length()];
	}

	/** The numbers in a key ("lyon 3" → "3"), without a regex: called for every pair. */
	static String numbers(String key) {
		StringBuilder numbers = null;
		boolean inNumber = false;
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c >= '0' && c <= '9') {
				if (numbers == null) {
					numbers = new StringBuilder();
				}
				else if (!inNumber) {
					numbers.append(' ');
				}
				numbers.append(c);
				inNumber = true;
			}
			else {
				inNumber = false;
			}
		}
		return (numbers != null) ? numbers.toString() : "";
	}

	/**
	 * Whether two postcodes are of one town, one of them its main postcode (ending in
	 * "000", "34000" of Montpellier): same department, same town.
	 */
	static boolean mainAndOtherPostcode(Probe row, Candidate agency) {
		String a = row.postcode;
		String b = agency.postcode;
		return a != null && b != null && row.cityKey != null && row.cityKey.equals(agency.cityKey)
				&& (a.endsWith("000") || b.endsWith("000")) && a.regionMatches(0, b, 0, 2);
	}

	static Place place(Probe row, Candidate agency) {
		if (row.postcode != null && agency.postcode != null) {
			if (row.postcode.equals(agency.postcode)) {
				return (row.cityKey != null && agency.cityKey != null && !row.cityKey.equals(agency.cityKey)
						&& !shortFor(row.cityKey, agency.cityKey)) ? Place.SHARED_POSTCODE : Place.SAME;
			}
			if (!row.cedex && !agency.cedex) {
				return Place.DIFFERENT;
			}
			// a Cedex sorting code ("93269 Saint-Denis Cedex"): the towns say
		}
		if (row.cityKey != null && agency.cityKey != null) {
			return row.cityKey.equals(agency.cityKey) ? Place.SAME_TOWN : Place.DIFFERENT;
		}
		return Place.UNKNOWN;
	}

	/**
	 * Whether one town is the other's first words, as a town is said for short under its
	 * own postcode ("Boulogne" for "Boulogne-Billancourt", "Aix" for "Aix-en-Provence"):
	 * one town, not two that share the postcode (ADR 0095).
	 */
	static boolean shortFor(String cityKey, String otherCityKey) {
		String shorter = (cityKey.length() < otherCityKey.length()) ? cityKey : otherCityKey;
		String longer = (shorter == cityKey) ? otherCityKey : cityKey;
		return longer.length() > shorter.length() && longer.startsWith(shorter)
				&& longer.charAt(shorter.length()) == ' ';
	}

	/**
	 * A row's values in the form they are compared in, worked out once per row:
	 * {@code domain} is the website's hash (0 for none), {@code domainShared} whether it
	 * is a network's or a platform's home, {@code domainPage} whether it is one agency's
	 * page of such a site ({@link WebsiteDomain#page}).
	 */
	record Probe(NameForms names, long siret, long siren, long[] emails, long[] phones, long domain, long emailDomain,
			long siteParent, boolean domainShared, boolean domainPage, @Nullable String postcode, boolean cedex,
			@Nullable String cityKey, @Nullable String addressWords, int[] scratch, long identifiers, long nameLetters,
			long tradeLetters, int nameOutline, int tradeOutline, boolean decidedLast, boolean siteNamed,
			boolean mailNamed, byte registeredNames) {

		static Probe of(AgencyValues row) {
			return of(row, new int[128]);
		}

		/** The hash of its website when that is an own site's domain, 0 otherwise. */
		long ownWebsite() {
			return (this.domainShared || this.domainPage) ? 0 : this.domain;
		}

		/**
		 * The probe of a row, with the caller's scratch space for
		 * {@link #similarityBound} (all zeros, left so): an import works out a million
		 * probes on one thread.
		 */
		static Probe of(AgencyValues row, int[] scratch) {
			NameForms names = NameForms.of(row.nameKey(), row.tradeName());
			long siret = Candidate.hash(row.siret());
			long siren = Candidate.hash(row.siren());
			long[] emails = Candidate.hashes(row.emails());
			long[] phones = Candidate.hashes(row.phones());
			String website = row.websiteDomain();
			long domain = Candidate.hash(website);
			boolean page = website != null && WebsiteDomain.isPage(website);
			String ownMail = Candidate.ownDomain(row.emails());
			long emailDomain = Candidate.hash(ownMail);
			boolean shared = website != null && !page && sharedDomain(website);
			return new Probe(names, siret, siren, emails, phones, domain, emailDomain,
					Candidate.hash(WebsiteDomain.parent(website)), shared, page, row.postcode(), row.cedex(),
					row.cityKey(), Candidate.words(row.address()), scratch,
					Deduplication.identifiers(siret, siren, emails, phones, domain) | bit(emailDomain),
					letters(names.strippedName()), letters(names.strippedTrade()),
					outline(names.nameKey(), names.strippedName()), outline(names.tradeKey(), names.strippedTrade()),
					false, !shared && WebsiteDomain.spells(website, names), WebsiteDomain.spells(ownMail, names),
					Candidate.registered(row.name(), row.tradeName()));
		}

		/**
		 * The probe of a row decided at the end of an import (ADR 0034): by then its
		 * agency holds every phone its other rows gave, and another one (a mobile, a
		 * direct line) no longer tells two agencies apart.
		 */
		Probe atTheEnd() {
			return new Probe(this.names, this.siret, this.siren, this.emails, this.phones, this.domain,
					this.emailDomain, this.siteParent, this.domainShared, this.domainPage, this.postcode, this.cedex,
					this.cityKey, this.addressWords, this.scratch, this.identifiers, this.nameLetters,
					this.tradeLetters, this.nameOutline, this.tradeOutline, true, this.siteNamed, this.mailNamed,
					this.registeredNames);
		}

	}

	enum Place {

		/** Same postcode. */
		SAME,
		/** Same town name, a postcode missing on one side. */
		SAME_TOWN,
		/**
		 * Same postcode, two towns that share it ("Villefranche-sur-Mer" and
		 * "Saint-Jean-Cap-Ferrat", 06230): near, but not one place.
		 */
		SHARED_POSTCODE, DIFFERENT, UNKNOWN;

		/** Whether a name is evidence here: one place, or two that share a postcode. */
		boolean near() {
			return this == SAME || this == SAME_TOWN || this == SHARED_POSTCODE;
		}

		/**
		 * Whether these are two towns, which two agencies of one network or company are
		 * in.
		 */
		boolean apart() {
			return this == DIFFERENT || this == SHARED_POSTCODE;
		}

	}

	/**
	 * A candidate's score: the confidence, its reasons, and the similarity of the names,
	 * which breaks ties between equal confidences.
	 */
	record Match(Candidate agency, double confidence, List<String> reasons, double similarity) {

		Match {
			Objects.requireNonNull(agency);
		}

		boolean automatic() {
			return this.confidence >= AUTO_MERGE;
		}

		/**
		 * Whether only the names and the place say so: no identifier, contact, website or
		 * street address.
		 */
		boolean byNameAndPlaceOnly() {
			return byNameAlone() && !this.reasons.contains("email_website") && !this.reasons.contains("address");
		}

		/** Whether only the name and place say so, no identifier or contact. */
		boolean byNameAlone() {
			return this.reasons.stream()
				.noneMatch((r) -> r.equals("siret") || r.startsWith("siren") || r.equals("email") || r.equals("phone")
						|| r.equals("website"));
		}

		/**
		 * This match, for a row an earlier import put in this agency (ADR 0116): merged
		 * whatever its confidence.
		 */
		Match seenBefore() {
			List<String> more = new ArrayList<>(this.reasons);
			more.add("seen_before");
			return new Match(this.agency, this.confidence, List.copyOf(more), this.similarity);
		}

		/**
		 * A row an earlier import put in this agency, which its values alone would not
		 * join to it (a person merged it into another one since, or the row says too
		 * little): certain all the same.
		 */
		static Match seenBefore(Candidate agency) {
			return new Match(agency, 1.0, List.of("seen_before"), 0);
		}

		Match ambiguous() {
			List<String> more = new ArrayList<>(this.reasons);
			more.add("ambiguous");
			return new Match(this.agency, Math.min(this.confidence, 0.85), List.copyOf(more), this.similarity);
		}

	}

}
