package fr.atlas.cases.web;

import java.util.Map;
import java.util.UUID;

import fr.atlas.cases.internal.Notifications;
import fr.atlas.cases.internal.Notifications.Notification;
import fr.atlas.cases.internal.Notifications.NotificationPage;
import fr.atlas.platform.AtlasPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own in-app notifications. Anyone else's, in this organisation or another,
 * answers 404.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The caller's in-app notifications (mentions, SLAs, assignments)")
class NotificationApiController {

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first",
			description = "`unread=true` keeps the unread ones; `unread` in the answer counts all unread.")
	NotificationPage list(@AuthenticationPrincipal AtlasPrincipal principal,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.notifications.of(principal.userId(), unread, page, size);
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of the caller's notifications read")
	Notification read(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID id) {
		return this.notifications.markRead(principal.userId(), id);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all the caller's notifications read")
	Map<String, Integer> readAll(@AuthenticationPrincipal AtlasPrincipal principal) {
		return Map.of("updated", this.notifications.markAllRead(principal.userId()));
	}

}
