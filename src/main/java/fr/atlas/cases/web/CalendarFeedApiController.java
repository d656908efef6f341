package fr.atlas.cases.web;

import java.util.Map;

import fr.atlas.cases.internal.CalendarFeeds;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Cases")
@RequiresFeature(Feature.CASES)
class CalendarFeedApiController {

	private final CalendarFeeds feeds;

	CalendarFeedApiController(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@PostMapping("/api/v1/cases/calendar-feed")
	@Operation(summary = "Issue the caller's secret calendar feed URL (iCalendar); the previous URL stops working",
			description = "The feed lists the appointments of the cases the caller is assigned to or is a "
					+ "participant of (by e-mail or name). The URL is only shown once.")
	Map<String, String> issue(@AuthenticationPrincipal AtlasPrincipal principal) {
		return Map.of("url", this.feeds.issue(principal.userId()));
	}

}
