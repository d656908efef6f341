package fr.atlas.audit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.AuditSummary.Argument;
import fr.atlas.audit.AuditSummary.Count;
import fr.atlas.audit.AuditSummary.Label;
import fr.atlas.audit.AuditSummary.Labels;
import fr.atlas.audit.AuditSummary.Member;
import fr.atlas.audit.AuditSummary.Phrase;
import fr.atlas.audit.AuditSummary.Text;
import fr.atlas.audit.AuditSummary.Translated;
import fr.atlas.platform.MemberNames;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts audit summaries into words in a given language, and stores them as JSON
 * ({@code audit_entry.summary_message}) so that an entry reads in each reader's language.
 * Members are written as their names when the entry is written: a summary says who was
 * concerned then, and ids mean nothing to a reader.
 */
@Component
public class SummaryWords {

	/** The language the log keeps every summary in, the one its hash chain covers. */
	public static final Locale STORED = Locale.FRENCH;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	private final ObjectProvider<MemberNames> members;

	public SummaryWords(MessageSource messages, ObjectProvider<MemberNames> members) {
		this.messages = messages;
		this.members = members;
	}

	/** The summary with each member named, ready to store. */
	AuditSummary withNames(AuditSummary summary) {
		Set<UUID> ids = members(summary.arguments());
		Map<UUID, String> names = ids.isEmpty() ? Map.of() : namesOf(ids);
		return new AuditSummary(summary.key(), named(summary.arguments(), names));
	}

	private static List<Argument> named(List<Argument> arguments, Map<UUID, String> names) {
		return arguments.stream().map((argument) -> switch (argument) {
			case Member member -> AuditSummary.text(names.getOrDefault(member.id().value(), member.id().toString()));
			case Phrase phrase -> new Phrase(phrase.key(), named(phrase.arguments(), names));
			case Labels labels -> new Labels(named(labels.items(), names));
			default -> argument;
		}).toList();
	}

	private static Set<UUID> members(List<Argument> arguments) {
		Set<UUID> ids = new HashSet<>();
		for (Argument argument : arguments) {
			switch (argument) {
				case Member member -> ids.add(member.id().value());
				case Phrase phrase -> ids.addAll(members(phrase.arguments()));
				case Labels labels -> ids.addAll(members(labels.items()));
				default -> {
				}
			}
		}
		return ids;
	}

	/** The names of the current organisation's members among {@code ids}. */
	public Map<UUID, String> namesOf(Collection<UUID> ids) {
		MemberNames directory = this.members.getIfAvailable();
		return (directory != null && !ids.isEmpty()) ? directory.namesOf(ids) : Map.of();
	}

	/** The summary in the reader's words, or empty when its key has no message. */
	public Optional<String> render(AuditSummary summary, Locale locale) {
		return Optional
			.ofNullable(this.messages.getMessage(summary.key(), words(summary.arguments(), locale), null, locale));
	}

	private Object[] words(List<Argument> arguments, Locale locale) {
		return arguments.stream().map((argument) -> word(argument, locale)).toArray();
	}

	private Object word(Argument argument, Locale locale) {
		return switch (argument) {
			case Text text -> text.value();
			case Count count -> count.value();
			case Label label -> label(label, locale);
			case Labels labels ->
				labels.items().isEmpty() ? this.messages.getMessage("audit.summary.none", null, "-", locale)
						: labels.items()
							.stream()
							.map((item) -> String.valueOf(word(item, locale)))
							.collect(Collectors.joining(", "));
			case Translated translated -> translated.labels()
				.getOrDefault(locale.getLanguage(), translated.labels().getOrDefault("fr", translated.code()));
			case Phrase phrase ->
				this.messages.getMessage(phrase.key(), words(phrase.arguments(), locale), phrase.key(), locale);
			case Member member -> member.id().toString();
		};
	}

	/**
	 * The label {@code prefix + code} in the reader's language, if the bundles have one.
	 */
	public Optional<String> label(String prefix, String code, Locale locale) {
		return Optional.ofNullable(this.messages.getMessage(prefix + code, null, null, locale));
	}

	private String label(Label label, Locale locale) {
		return this.messages.getMessage(label.key(), null, label.code(), locale);
	}

	String toJson(AuditSummary summary) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("key", summary.key());
		json.put("arguments", summary.arguments().stream().map(SummaryWords::json).toList());
		return JSON.writeValueAsString(json);
	}

	private static Map<String, Object> json(Argument argument) {
		return switch (argument) {
			case Text text -> Map.of("text", text.value());
			case Count count -> Map.of("count", count.value());
			case Label label -> Map.of("label", label.key(), "code", label.code());
			case Labels labels -> Map.of("labels", labels.items().stream().map(SummaryWords::json).toList());
			case Translated translated ->
				Map.of("translated", new java.util.TreeMap<>(translated.labels()), "code", translated.code());
			case Phrase phrase -> Map.of("phrase", phrase.key(), "arguments",
					phrase.arguments().stream().map(SummaryWords::json).toList());
			case Member member -> Map.of("text", member.id().toString());
		};
	}

	/**
	 * The summary stored, or empty for entries written before summaries were stored so.
	 */
	@SuppressWarnings("unchecked")
	public Optional<AuditSummary> fromJson(@Nullable String stored) {
		if (stored == null) {
			return Optional.empty();
		}
		try {
			Map<String, Object> json = JSON.readValue(stored, Map.class);
			List<Argument> arguments = new ArrayList<>();
			for (Map<String, Object> argument : (List<Map<String, Object>>) json.get("arguments")) {
				arguments.add(argument(argument));
			}

			return Optional.of(new AuditSummary((String) json.get("key"), arguments));
		}
		catch (JacksonException | ClassCastException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	@SuppressWarnings("unchecked")
	private static Argument argument(Map<String, Object> json) {
		if (json.containsKey("text")) {
			return new Text((String) json.get("text"));
		}
		if (json.containsKey("count")) {
			return new Count(((Number) json.get("count")).longValue());
		}
		if (json.containsKey("label")) {
			return new Label((String) json.get("label"), (String) json.get("code"));
		}
		if (json.containsKey("phrase")) {
			return new Phrase((String) json.get("phrase"),
					((List<Map<String, Object>>) json.get("arguments")).stream().map(SummaryWords::argument).toList());
		}
		if (json.containsKey("labels")) {
			return new Labels(
					((List<Map<String, Object>>) json.get("labels")).stream().map(SummaryWords::argument).toList());
		}
		return new Translated((Map<String, String>) json.get("translated"), (String) json.get("code"));
	}

}
