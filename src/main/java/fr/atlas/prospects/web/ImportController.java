package fr.atlas.prospects.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.prospects.internal.ImportField;
import fr.atlas.prospects.internal.ImportJob;
import fr.atlas.prospects.internal.MappingPreset;
import fr.atlas.prospects.internal.MappingPresets;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.prospects.internal.DuplicateQueue;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.RequiresFeature;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard: upload, mapping review with a preview of the first rows and their
 * problems, run with live progress, and the report.
 */
@Controller
@RequestMapping("/prospects/imports")
@RequiresFeature(Feature.PROSPECTS)
class ImportController {

	private final ProspectImports imports;

	private final DuplicateQueue queue;

	private final Members members;

	private final MappingPresets presets;

	private final MessageSource messages;

	private final ReadableImportReport readableReport;

	/** Rows with problems the report step lists; the downloadable report has them all. */
	private static final int PROBLEM_ROWS_SHOWN = 20;

	/** Times are shown as the agencies read them. */
	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final TechnicalImportReport technicalReport;

	private final Clock clock;

	ImportController(ProspectImports imports, DuplicateQueue queue, MappingPresets presets, Members members,
			MessageSource messages, ReadableImportReport readableReport, TechnicalImportReport technicalReport,
			Clock clock) {
		this.clock = clock;
		this.technicalReport = technicalReport;
		this.imports = imports;
		this.readableReport = readableReport;
		this.queue = queue;
		this.members = members;
		this.presets = presets;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		recentImports(model);
		return "prospects/imports";
	}

	@PostMapping
	@PreAuthorize("hasRole('AGENT')")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "sheet", required = false) @Nullable String sheet,
			@AuthenticationPrincipal AtlasPrincipal principal, Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "prospects.import.empty-file");
			}
			try (InputStream content = file.getInputStream()) {
				ImportJob job = this.imports
					.submit((file.getOriginalFilename() != null) ? file.getOriginalFilename() : "import", content,
							Map.of(), principal.userId().value(), false, sheet)
					.job();
				return "redirect:/prospects/imports/" + job.id() + "/mapping";
			}
		}
		catch (InvalidInputException ex) {
			// in the page's words where the API's differ ("sheet" is the API's parameter)
			model.addAttribute("errors",
					ex.problems()
						.stream()
						.map((p) -> this.messages.getMessage(p.code() + ".page", p.arguments(),
								message(p.code(), p.arguments()), LocaleContextHolder.getLocale()))
						.toList());
			// the sheet typed stays (a file cannot be chosen again for the user)
			model.addAttribute("sheet", sheet);
			recentImports(model);
			return "prospects/imports";
		}
	}

	/** The organisation's latest imports, when and by whom each was sent. */
	private void recentImports(Model model) {
		model.addAttribute("jobs", this.imports.recent());
		model.addAttribute("paris", PARIS);
		// former members too: an import keeps who sent it
		model.addAttribute("memberNames", this.members.namesById());
	}

	/**
	 * The mapping step. A saved preset that says what to do with every column of the file
	 * is applied at once; otherwise the best fitting one is only pre-selected.
	 */
	@GetMapping("/{id}/mapping")
	String mapping(@PathVariable UUID id, Model model) {
		ImportJob job = this.imports.find(id);
		if (!ImportJob.DRAFT.equals(job.status())) {
			return "redirect:/prospects/imports/" + id;
		}
		List<String> headers = this.imports.headers(id);
		List<MappingPreset> saved = this.presets.list();
		Optional<MappingPreset> best = MappingPresets.best(saved, headers);
		Map<String, String> initial = Map.of();
		// a preset that recognises no agency in this file (its identifying columns are
		// not
		// in it, or it was saved with every column ignored before ADR 0122) is only
		// offered: applied, it left the file's name and e-mail ignored and the wizard
		// saying no column was known
		if (best.isPresent() && best.get().covers(headers) && best.get().identifiesAgencies(headers)) {
			initial = best.get().forHeaders(headers);
			model.addAttribute("notice", message("prospects.preset.applied", best.get().name()));
		}
		showPreview(model, id, initial, saved, best);
		return "prospects/mapping";
	}

	@PostMapping("/{id}/preview")
	String preview(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
		ImportJob job = this.imports.find(id);
		List<String> headers = this.imports.headers(id);
		List<MappingPreset> saved = this.presets.list();
		String presetId = form.getFirst("preset");
		Map<String, String> chosen;
		Optional<MappingPreset> selected = Optional.empty();
		if (presetId != null && presetId.matches("[0-9a-fA-F-]{36}")) {
			MappingPreset preset = this.presets.find(UUID.fromString(presetId));
			chosen = preset.forHeaders(headers);
			selected = Optional.of(preset);
			model.addAttribute("notice", message("prospects.preset.applied", preset.name()));
		}
		else {
			chosen = chosenMapping(job, form);
		}
		showPreview(model, id, chosen, saved, selected);
		return "prospects/mapping :: preview";
	}

	/** Saves the columns as they are chosen on the page under a name, for later files. */
	@PostMapping("/{id}/presets")
	@PreAuthorize("hasRole('AGENT')")
	String savePreset(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			@AuthenticationPrincipal AtlasPrincipal principal, Model model) {
		ImportJob job = this.imports.find(id);
		Map<String, String> chosen = chosenMapping(job, form);
		Optional<MappingPreset> selected = Optional.empty();
		try {
			MappingPresets.Saved saved = this.presets.save(form.getFirst("presetName"), chosen,
					principal.userId().value());
			MappingPreset preset = saved.preset();
			selected = Optional.of(preset);
			// a name already saved (in any case) replaces that preset: said, not passed
			// off
			// as a new one
			model.addAttribute("notice",
					message(saved.created() ? "prospects.preset.saved" : "prospects.preset.replaced", preset.name()));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("presetErrors", messages(ex));
			// the name typed stays in its field, to correct rather than type again
			model.addAttribute("presetName", form.getFirst("presetName"));
		}
		showPreview(model, id, chosen, this.presets.list(), selected);
		return "prospects/mapping :: preview";
	}

	/**
	 * Deletes the preset chosen in the list, from the columns step: the columns as they
	 * are chosen on the page stay as they are.
	 */
	@PostMapping("/{id}/presets/delete")
	@PreAuthorize("hasRole('AGENT')")
	String deletePreset(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
		ImportJob job = this.imports.find(id);
		Map<String, String> chosen = chosenMapping(job, form);
		String presetId = form.getFirst("preset");
		if (presetId != null && presetId.matches("[0-9a-fA-F-]{36}")) {
			MappingPreset preset = this.presets.find(UUID.fromString(presetId));
			this.presets.delete(preset.id());
			model.addAttribute("notice", message("prospects.preset.deleted", preset.name()));
		}
		else {
			model.addAttribute("mappingErrors", List.of(message("prospects.preset.delete.none")));
		}
		showPreview(model, id, chosen, this.presets.list(), Optional.empty());
		return "prospects/mapping :: preview";
	}

	/** Reads another sheet of the workbook: its header, mapping and preview. */
	@PostMapping("/{id}/sheet")
	@PreAuthorize("hasRole('AGENT')")
	String chooseSheet(@PathVariable UUID id, @RequestParam(name = "sheet", defaultValue = "0") int sheet,
			Model model) {
		try {
			this.imports.chooseSheet(id, sheet);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("mappingErrors", messages(ex));
			showPreview(model, id, Map.of(), this.presets.list(), Optional.empty());
			return "prospects/mapping";
		}
		return "redirect:/prospects/imports/" + id + "/mapping";
	}

	/**
	 * Puts the preview of a mapping in the model, or of the stored one with the errors
	 * when the mapping is refused.
	 */
	private void showPreview(Model model, UUID id, Map<String, String> mapping, List<MappingPreset> saved,
			Optional<MappingPreset> selected) {
		try {
			ProspectImports.Preview preview = this.imports.preview(id, mapping);
			model.addAttribute("preview", preview);
			if (!preview.mapping().identifiesAgencies()) {
				// a file whose headers name nothing Atlas knows: its columns are chosen
				// here, the upload no longer refuses it
				model.addAttribute("mappingErrors", List.of(message("prospects.import.no-known-column.pick")));
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("preview", this.imports.preview(id, Map.of()));
			model.addAttribute("mappingErrors", messages(ex));
		}
		model.addAttribute("fields", ImportField.values());
		model.addAttribute("presets", saved);
		Optional<MappingPreset> suggested = MappingPresets.best(saved, this.imports.headers(id));
		model.addAttribute("suggestedPreset", suggested.map(MappingPreset::id).orElse(null));
		model.addAttribute("selectedPreset", selected.or(() -> suggested).map(MappingPreset::id).orElse(null));
	}

	private List<String> messages(InvalidInputException ex) {
		return ex.problems().stream().map((p) -> message(p.code(), p.arguments())).toList();
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	@PostMapping("/{id}/start")
	@PreAuthorize("hasRole('AGENT')")
	String start(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
		ImportJob job = this.imports.find(id);
		Map<String, String> chosen = chosenMapping(job, form);
		try {
			ImportJob started = this.imports.start(id, chosen).job();
			return "redirect:/prospects/imports/" + started.id();
		}
		catch (InvalidInputException ex) {
			// a mapping that identifies no agency: the columns step again, with why
			showPreview(model, id, chosen, this.presets.list(), Optional.empty());
			model.addAttribute("mappingErrors", messages(ex));
			return "prospects/mapping";
		}
	}

	@GetMapping("/{id}")
	String progress(@PathVariable UUID id, Model model, HtmxRequest htmx) {
		ImportJob job = this.imports.find(id);
		model.addAttribute("job", job);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("paris", PARIS);
		// the report step: what went wrong, in words, without downloading the report
		model.addAttribute("problems", job.finished() ? this.imports.problems(id, PROBLEM_ROWS_SHOWN) : null);
		model.addAttribute("problemRowsShown", PROBLEM_ROWS_SHOWN);
		// the pairs this import queued that are still to review
		model.addAttribute("duplicatesFound", job.finished() ? this.queue.duplicatesOf(id) : 0);
		return htmx.isHtmxRequest() ? "prospects/progress :: progress" : "prospects/progress";
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize("hasRole('AGENT')")
	String cancel(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
		try {
			this.imports.cancel(id);
		}
		catch (ConflictException ex) {
			// the page showed the button while the import ran: it ended meanwhile
			redirect.addFlashAttribute("cancelError",
					this.messages.getMessage(ex.getMessage(), ex.arguments(), locale));
		}
		return "redirect:/prospects/imports/" + id;
	}

	/**
	 * The columns step's "abandon": the draft and its file are deleted, and the imports'
	 * page says so. An import started meanwhile (from another tab) is shown instead.
	 */
	@PostMapping("/{id}/discard")
	@PreAuthorize("hasRole('AGENT')")
	String discard(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
		ImportJob job = this.imports.find(id);
		try {
			this.imports.discard(id);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("cancelError", this.messages.getMessage(ex.getMessage(), null, locale));
			return "redirect:/prospects/imports/" + id;
		}
		redirect.addFlashAttribute("discarded",
				this.messages.getMessage("prospects.import.discarded", new Object[] { job.fileName() }, locale));
		return "redirect:/prospects/imports";
	}

	@PostMapping("/{id}/resume")
	@PreAuthorize("hasRole('AGENT')")
	String resume(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
		try {
			this.imports.resume(id);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("resumeError", this.messages.getMessage(ex.getMessage(), null, locale));
		}
		return "redirect:/prospects/imports/" + id;
	}

	@GetMapping("/{id}/rows.csv")
	void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		this.technicalReport.send(id, response);
	}

	/**
	 * The report a person opens in a spreadsheet: every row in words, in the reader's
	 * language (see {@link ReadableImportReport}). The technical one above is the API's.
	 */
	@GetMapping("/{id}/report.csv")
	void readableReport(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
		ImportJob job = this.imports.find(id);
		String name = this.messages.getMessage("prospects.import.report.file",
				new Object[] { baseName(job.fileName()) }, locale);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		Writer writer = response.getWriter();
		this.readableReport.write(id, locale,
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/prospects/").toUriString(), writer);
		writer.flush();
	}

	/** A file's name without its extension, to name its report after it. */
	private static String baseName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return (dot > 0) ? fileName.substring(0, dot) : fileName;
	}

	/** The wizard posts one {@code column-N} select per column of the file. */
	private Map<String, String> chosenMapping(ImportJob job, MultiValueMap<String, String> form) {
		List<String> headers = this.imports.headers(job.id());
		Map<String, String> mapping = new LinkedHashMap<>();
		for (int i = 0; i < headers.size(); i++) {
			String chosen = form.getFirst("column-" + i);
			if (chosen != null && ImportField.parse(chosen).isPresent()) {
				mapping.put(headers.get(i), chosen);
			}
		}
		return mapping;
	}

}
