package fr.atlas.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import fr.atlas.platform.UserId;

/**
 * What an audit entry says happened, as a message key of the modules' bundles
 * ({@code audit.summary.<what>}) and its arguments, so that it reads in each reader's
 * language. The log also keeps it written out in French, the text its hash chain covers
 * (ADR 0053).
 */
public record AuditSummary(String key, List<Argument> arguments) {

	public AuditSummary {
		arguments = List.copyOf(arguments);
	}

	public static AuditSummary of(String key, Argument... arguments) {
		return new AuditSummary(key, Arrays.asList(arguments));
	}

	/** Shown as given, in every language: a name, a reference, a title someone typed. */
	public static Argument text(String value) {
		return new Text(value);
	}

	public static Argument count(long value) {
		return new Count(value);
	}

	/**
	 * A word of the bundles: the label {@code prefix + code} (a role, a module, a
	 * status), or the code itself where no label exists.
	 */
	public static Argument label(String prefix, String code) {
		return new Label(prefix + code, code);
	}

	/** Several labels, listed with commas; "none" when empty. */
	public static Argument labels(String prefix, List<String> codes) {
		return new Labels(codes.stream().map((code) -> label(prefix, code)).toList());
	}

	/**
	 * Several words (labels, translated names), listed with commas; "none" when empty.
	 */
	public static Argument list(List<Argument> items) {
		return new Labels(items);
	}

	/**
	 * A name the publisher holds in several languages by language code (a state of an
	 * organisation's own workflow): the reader's, else French, else the code.
	 */
	public static Argument translated(Map<String, String> labels, String code) {
		return new Translated(labels, code);
	}

	/**
	 * A message of the bundles within the summary, with arguments of its own: a part that
	 * reads differently in each language (a filter and its value, "Ville : Lyon").
	 */
	public static Argument phrase(String key, Argument... arguments) {
		return new Phrase(key, Arrays.asList(arguments));
	}

	/** A member of the organisation, written as their name when the entry is written. */
	public static Argument member(UserId id) {
		return new Member(id);
	}

	/** One argument of a summary. */
	public sealed interface Argument permits Text, Count, Label, Labels, Translated, Phrase, Member {

	}

	public record Text(String value) implements Argument {
	}

	public record Count(long value) implements Argument {
	}

	public record Label(String key, String code) implements Argument {
	}

	public record Labels(List<Argument> items) implements Argument {

		public Labels {
			items = List.copyOf(items);
		}

	}

	public record Translated(Map<String, String> labels, String code) implements Argument {

		public Translated {
			labels = Map.copyOf(labels);
		}

	}

	public record Phrase(String key, List<Argument> arguments) implements Argument {

		public Phrase {
			arguments = List.copyOf(arguments);
		}

	}

	public record Member(UserId id) implements Argument {
	}

}
