package fr.atlas.cases.web;

import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import fr.atlas.cases.internal.CaseReports;
import fr.atlas.cases.internal.CaseReports.Breakdown;
import fr.atlas.cases.internal.CaseReports.Stage;
import fr.atlas.cases.internal.CaseReports.Summary;
import fr.atlas.cases.internal.FourDigitDays;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The cases dashboard: the north-star metric (appointments planned), the no-show rate,
 * delays, conversion per stage, per agent and per source over a chosen period, and the
 * same numbers as CSV.
 */
@Controller
@RequiresFeature(Feature.CASES)
class CaseReportPageController {

	private final CaseReports reports;

	private final ReportLabels labels;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	CaseReportPageController(CaseReports reports, ReportLabels labels, JsonMapper json, MessageSource messages,
			Clock clock) {
		this.messages = messages;
		this.clock = clock;
		this.reports = reports;
		this.labels = labels;
		this.json = json;
	}

	@GetMapping("/cases/reports")
	String dashboard(@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Model model) {
		FourDigitDays.checked("from", from);
		FourDigitDays.checked("to", to);
		LocalDate end = (to != null) ? to : LocalDate.ofInstant(this.clock.instant(), CaseReportApiController.PARIS);
		LocalDate start = (from != null) ? from : end.minusDays(29);
		if (start.isAfter(end)) {
			// two dates typed the wrong way round: read in order, and said so (the API
			// refuses them, a person would only have to type them again)
			LocalDate typedEnd = end;
			end = start;
			start = typedEnd;
			model.addAttribute("periodSwapped", true);
		}
		Summary summary = summary(start, end);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("summary", summary);
		model.addAttribute("typeLabels", this.labels.types());
		model.addAttribute("stateLabels", this.labels.states());
		model.addAttribute("memberNames", this.labels.members());
		model.addAttribute("chartData", chartData(summary));
		return "cases/reports";
	}

	/**
	 * The dashboard's numbers as CSV in the reader's language and spreadsheet conventions
	 * ({@link ReportCsv}); the API's JSON reports do not change with the language.
	 */
	@GetMapping(path = "/cases/reports.csv", produces = "text/csv")
	@ResponseBody
	ResponseEntity<byte[]> csv(@RequestParam LocalDate from, @RequestParam LocalDate to) {
		FourDigitDays.checked("from", from);
		FourDigitDays.checked("to", to);
		if (from.isAfter(to)) {
			return csv(to, from);
		}
		return new ReportCsv(this.messages, LocaleContextHolder.getLocale()).download(summary(from, to), this.labels,
				from, to);
	}

	/**
	 * The numbers the charts draw (static/js/cases-reports.js), as JSON for a data
	 * attribute: the content security policy forbids inline scripts.
	 */
	private String chartData(Summary summary) {
		Map<String, String> types = this.labels.types();
		Map<String, String> states = this.labels.states();
		Map<String, String> names = this.labels.members();
		// the funnel's steps only: a lost state is a way out of it, shown apart
		List<Map<String, Object>> conversion = summary.conversion().stream().filter((c) -> c.opened() > 0).map((c) -> {
			List<Stage> steps = c.stages().stream().filter((stage) -> !stage.lost()).toList();
			return Map.<String, Object>of("caseType", c.caseType(), "label",
					types.getOrDefault(c.caseType(), c.caseType()), "states",
					steps.stream()
						.map((stage) -> states.getOrDefault(c.caseType() + ":" + stage.state(), stage.state()))
						.toList(),
					"reached", steps.stream().map(Stage::reached).toList(), "rates",
					steps.stream().map((s) -> (s.rate() != null) ? s.rate() : 0.0).toList());
		}).toList();
		List<Breakdown> agents = summary.byAgent();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversion", conversion);
		data.put("agents",
				Map.of("names",
						agents.stream()
							.map((row) -> (row.key() != null) ? names.getOrDefault(row.key(), row.key()) : "—")
							.toList(),
						"appointments", agents.stream().map(Breakdown::appointmentsPlanned).toList(), "noShows",
						agents.stream().map(Breakdown::noShows).toList()));
		return this.json.writeValueAsString(data);
	}

	private Summary summary(LocalDate from, LocalDate to) {
		Instant start = from.atStartOfDay(CaseReportApiController.PARIS).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(CaseReportApiController.PARIS).toInstant();
		return this.reports.summary(start, end.isAfter(start) ? end : start.plusSeconds(1));
	}

}
