package fr.atlas.cases.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.atlas.cases.internal.Notifications;
import fr.atlas.cases.internal.Notifications.Notification;
import fr.atlas.cases.internal.Notifications.NotificationPage;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.Languages;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own in-app notifications. Anyone else's, in this organisation or another,
 * answers 404.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The caller's in-app notifications (mentions, SLAs, assignments)")
@RequiresFeature(Feature.CASES)
class NotificationApiController {

	private final Notifications notifications;

	private final Members members;

	NotificationApiController(Notifications notifications, Members members) {
		this.notifications = notifications;
		this.members = members;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first",
			description = "`unread=true` keeps the unread ones; `unread` in the answer counts all unread. Titles and "
					+ "bodies are in the language of `Accept-Language` (fr or en), else in the caller's.")
	NotificationPage list(@AuthenticationPrincipal AtlasPrincipal principal,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String asked,
			Locale locale) {
		return this.notifications.of(principal.userId(), language(principal, asked, locale), unread, page, size);
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of the caller's notifications read")
	Notification read(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String asked,
			Locale locale) {
		return this.notifications.markRead(principal.userId(), language(principal, asked, locale), id);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all the caller's notifications read")
	Map<String, Integer> readAll(@AuthenticationPrincipal AtlasPrincipal principal) {
		return Map.of("updated", this.notifications.markAllRead(principal.userId()));
	}

	/**
	 * The language a client asks for, else the caller's own: a script without
	 * {@code Accept-Language} reads what the member reads in the app.
	 */
	private String language(AtlasPrincipal principal, @Nullable String asked, Locale locale) {
		if (asked != null && !asked.isBlank()) {
			return Languages.codeOf(locale);
		}
		return this.members.find(principal.userId())
			.map((member) -> Languages.codeOf(member.locale()))
			.orElse(Languages.codeOf(locale));
	}

}
