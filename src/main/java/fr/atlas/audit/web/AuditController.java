package fr.atlas.audit.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.atlas.audit.AuditLog;
import fr.atlas.audit.AuditPage;
import fr.atlas.audit.AuditQuery;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.web.NavigationEntry;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log page: filters, a results table that htmx refreshes in place, paging and
 * an integrity check of the hash chain.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('MANAGER')")
class AuditController {

	private final AuditLog log;

	private final MessageSource messages;

	AuditController(AuditLog log, MessageSource messages) {
		this.log = log;
		this.messages = messages;
	}

	@Bean
	static NavigationEntry auditNavigation() {
		return new NavigationEntry("/audit", "nav.audit", 90, null, "MANAGER");
	}

	@GetMapping
	String search(@ModelAttribute("filter") AuditFilter filter, Model model, HtmxRequest htmx, Locale locale,
			HttpServletRequest request) {
		AuditPage page;
		try {
			page = this.log.search(filter.toQuery(), locale);
			model.addAttribute("problems", List.of());
		}
		catch (InvalidInputException ex) {
			page = new AuditPage(List.of(), 0, AuditQuery.DEFAULT_SIZE, 0);
			model.addAttribute("problems",
					ex.problems()
						.stream()
						.map((p) -> this.messages.getMessage(p.code(), p.arguments(), p.code(), locale))
						.toList());
		}
		model.addAttribute("page", page);
		model.addAttribute("actions", choices(this.log.actionsInUse(), filter.action(), "audit.action.", locale));
		model.addAttribute("entityTypes",
				choices(this.log.entityTypesInUse(), filter.entityType(), "audit.entity.", locale));
		model.addAttribute("zone", AuditFilter.PARIS);
		model.addAttribute("previousUrl", pageUrl(request, filter, page.page() - 1));
		model.addAttribute("nextUrl", pageUrl(request, filter, page.page() + 1));
		return (htmx.isHtmxRequest() && !htmx.isBoosted()) ? "audit/log :: results" : "audit/log";
	}

	@GetMapping("/verify")
	String verify(Model model) {
		model.addAttribute("verification", this.log.verify());
		return "audit/log :: verification";
	}

	/**
	 * The codes a filter offers, in words and in the reader's alphabetical order; a code
	 * typed in the address that the log does not hold stays selectable.
	 */
	private List<Choice> choices(List<String> codes, @Nullable String selected, String labelPrefix, Locale locale) {
		Set<String> all = new LinkedHashSet<>(codes);
		if (selected != null && !selected.isBlank()) {
			all.add(selected.trim());
		}
		Collator collator = Collator.getInstance(locale);
		return all.stream()
			.map((code) -> new Choice(code, this.messages.getMessage(labelPrefix + code, null, code, locale)))
			.sorted(Comparator.comparing(Choice::label, collator))
			.toList();
	}

	record Choice(String code, String label) {
	}

	private static String pageUrl(HttpServletRequest request, AuditFilter filter, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(request.getContextPath() + "/audit");
		param(url, "actor", filter.actor());
		param(url, "action", filter.action());
		param(url, "entityType", filter.entityType());
		param(url, "entityId", filter.entityId());
		param(url, "from", filter.from());
		param(url, "to", filter.to());
		param(url, "size", filter.size());
		return url.queryParam("page", Math.max(0, page)).encode().build().toUriString();
	}

	private static void param(UriComponentsBuilder url, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			url.queryParam(name, value);
		}
	}

}
