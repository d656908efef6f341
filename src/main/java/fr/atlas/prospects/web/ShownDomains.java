package fr.atlas.prospects.web;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A domain as a person writes it. Atlas keeps a website's host and an e-mail's domain as
 * DNS writes them ({@code xn--lafort-mva.fr} for {@code laforêt.fr}), so that both
 * compare alike; the pages show them back with their accents: a French user read
 * {@code contact@xn--immobilire-66a.fr} on the agency, in the list and in the review
 * queue for the {@code contact@immobilière.fr} of the file (ADR 0122). The API keeps the
 * stored form.
 */
@Component("shownDomains")
public class ShownDomains {

	/** A run of a domain's characters holding an IDN label. */
	private static final Pattern DOMAIN = Pattern
		.compile("[\\p{Alnum}.-]*(?i:xn--)[\\p{Alnum}-]+(?:\\.[\\p{Alnum}-]+)*");

	/** A host or domain with its labels in Unicode; as it is when it is not IDN. */
	public static @Nullable String host(@Nullable String domain) {
		if (domain == null || !domain.toLowerCase(Locale.ROOT).contains("xn--")) {
			return domain;
		}
		try {
			return IDN.toUnicode(domain, IDN.ALLOW_UNASSIGNED);
		}
		catch (IllegalArgumentException ex) {
			// not a domain after all: shown as stored
			return domain;
		}
	}

	/** An e-mail address with its domain in Unicode; the part before "@" as stored. */
	public static @Nullable String email(@Nullable String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		return (at < 0) ? email : email.substring(0, at + 1) + host(email.substring(at + 1));
	}

	/** A text holding domains (a source's value: an e-mail, a list of them, a site). */
	public static @Nullable String text(@Nullable String text) {
		if (text == null || !text.toLowerCase(Locale.ROOT).contains("xn--")) {
			return text;
		}
		return DOMAIN.matcher(text).replaceAll((m) -> Matcher.quoteReplacement(host(m.group())));
	}

	public static List<String> emails(List<String> emails) {
		return emails.stream().map(ShownDomains::email).toList();
	}

	public @Nullable String shownText(@Nullable String text) {
		return text(text);
	}

	// the templates' names (@shownDomains.host(...)): static methods are not reached
	// there

	public @Nullable String shownHost(@Nullable String domain) {
		return host(domain);
	}

	public @Nullable String shownEmail(@Nullable String email) {
		return email(email);
	}

	public List<String> shownEmails(List<String> emails) {
		return emails(emails);
	}

}
