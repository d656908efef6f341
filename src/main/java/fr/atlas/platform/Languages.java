package fr.atlas.platform;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The languages Atlas speaks: French first, English when a member or a request asks for
 * it. Members store one of their codes ({@code fr}, {@code en}); texts written for later
 * reading, such as notifications, are written in each of them.
 */
public final class Languages {

	public static final Locale DEFAULT = Locale.FRENCH;

	public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

	private Languages() {
	}

	public static boolean supports(@Nullable String language) {
		return SUPPORTED.stream().anyMatch((locale) -> locale.getLanguage().equals(language));
	}

	/** The code of a supported language: the one given, or French. */
	public static String codeOf(@Nullable String language) {
		return supports(language) ? language : DEFAULT.getLanguage();
	}

	/** The supported language of a locale, French for any other. */
	public static String codeOf(Locale locale) {
		return codeOf(locale.getLanguage());
	}

}
