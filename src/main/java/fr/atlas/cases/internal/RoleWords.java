package fr.atlas.cases.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import fr.atlas.tenancy.Role;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Roles by the labels the members page gives them, in the reader's language
 * ("Propriétaire", "Owner"): a refusal that said "seul le rôle OWNER" named a key of the
 * workflow's document that a member had never read. Keys no bundle labels (none should
 * reach here) stay as they are.
 */
@Component
class RoleWords {

	private final MessageSource messages;

	RoleWords(MessageSource messages) {
		this.messages = messages;
	}

	String label(String key) {
		return this.messages.getMessage("role." + key, null, key, LocaleContextHolder.getLocale());
	}

	/**
	 * {@link #either(Collection)} of keys joined by ", ", as the engine's problems give
	 * them.
	 */
	String either(String joinedKeys) {
		return either(Arrays.asList(joinedKeys.split(",\\s*")));
	}

	/**
	 * The roles' labels as one phrase, the most powerful first, as the members page lists
	 * them: "Propriétaire", "Propriétaire ou Administrateur", "Administrateur,
	 * Responsable ou Agent".
	 */
	String either(Collection<String> keys) {
		List<String> labels = keys.stream()
			.distinct()
			.sorted(Comparator
				.comparingInt((String key) -> Role.parse(key).map(Role::ordinal).orElse(Integer.MAX_VALUE)))
			.map(this::label)
			.toList();
		if (labels.size() < 2) {
			return String.join("", labels);
		}
		Locale locale = LocaleContextHolder.getLocale();
		String head = String.join(", ", labels.subList(0, labels.size() - 1));
		return this.messages.getMessage("cases.roles.either", new Object[] { head, labels.getLast() },
				head + ", " + labels.getLast(), locale);
	}

}
