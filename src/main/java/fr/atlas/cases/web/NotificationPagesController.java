package fr.atlas.cases.web;

import java.util.Locale;
import java.util.UUID;

import fr.atlas.cases.internal.Notifications;
import fr.atlas.cases.internal.Notifications.Notification;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.Languages;
import fr.atlas.platform.web.TopBarEntry;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member's notifications: the bell of the top bar (a fragment the layout loads with
 * htmx), the page listing them, and marking one or all read.
 */
@Controller
@RequestMapping("/notifications")
@RequiresFeature(Feature.CASES)
class NotificationPagesController {

	private static final int PAGE_SIZE = 30;

	private final Notifications notifications;

	NotificationPagesController(Notifications notifications) {
		this.notifications = notifications;
	}

	@Bean
	static TopBarEntry notificationBell() {
		return new TopBarEntry("/notifications/bell", 10, 60, "cases");
	}

	@GetMapping("/bell")
	String bell(@AuthenticationPrincipal AtlasPrincipal principal, Model model) {
		model.addAttribute("unread", this.notifications.unreadCount(principal.userId()));
		return "cases/notifications :: bell";
	}

	@GetMapping
	String list(@AuthenticationPrincipal AtlasPrincipal principal, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		model.addAttribute("result",
				this.notifications.of(principal.userId(), Languages.codeOf(locale), unread, page, PAGE_SIZE));
		model.addAttribute("unreadOnly", unread);
		return "cases/notifications";
	}

	/**
	 * Marks it read and opens what it is about; for htmx, re-renders the list, with the
	 * filters' unread count out of band, and has the bell refresh its count.
	 */
	@PostMapping("/{id}/read")
	String read(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			HtmxRequest htmx, HtmxResponse response, Locale locale, Model model) {
		String language = Languages.codeOf(locale);
		Notification notification = this.notifications.markRead(principal.userId(), language, id);
		if (htmx.isHtmxRequest()) {
			model.addAttribute("result", this.notifications.of(principal.userId(), language, unread, page, PAGE_SIZE));
			model.addAttribute("unreadOnly", unread);
			response.addTrigger(TopBarEntry.REFRESH_EVENT);
			return "cases/notifications :: list-and-filters";
		}
		return "redirect:" + ((notification.link() != null) ? notification.link() : "/notifications");
	}

	@PostMapping("/read-all")
	String readAll(@AuthenticationPrincipal AtlasPrincipal principal) {
		this.notifications.markAllRead(principal.userId());
		return "redirect:/notifications";
	}

}
