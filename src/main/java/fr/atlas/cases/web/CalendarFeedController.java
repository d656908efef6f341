package fr.atlas.cases.web;

import fr.atlas.cases.internal.CalendarFeeds;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's calendar feed: served without a session (the secret token in the path is the
 * credential, calendar applications cannot log in) and regenerated from the case list.
 */
@Controller
class CalendarFeedController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final CalendarFeeds feeds;

	CalendarFeedController(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/cases/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		return this.feeds.calendar(token)
			.map((ics) -> ResponseEntity.ok().contentType(TEXT_CALENDAR).body(ics))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PostMapping("/cases/calendar-feed")
	@RequiresFeature(Feature.CASES)
	String regenerate(@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		redirect.addFlashAttribute("calendarFeedUrl", this.feeds.issue(principal.userId()));
		return "redirect:/cases";
	}

}
