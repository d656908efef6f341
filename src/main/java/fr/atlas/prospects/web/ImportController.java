package fr.atlas.prospects.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.prospects.internal.ImportField;
import fr.atlas.prospects.internal.ImportJob;
import fr.atlas.prospects.internal.ProspectImports;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * The import wizard: upload, mapping review with a preview of the first rows and their
 * problems, run with live progress, and the report.
 */
@Controller
@RequestMapping("/prospects/imports")
class ImportController {

	private final ProspectImports imports;

	private final MessageSource messages;

	ImportController(ProspectImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("jobs", this.imports.recent());
		return "prospects/imports";
	}

	@PostMapping
	@PreAuthorize("hasRole('AGENT')")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal AtlasPrincipal principal, Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "prospects.import.empty-file");
			}
			try (InputStream content = file.getInputStream()) {
				ImportJob job = this.imports
					.submit((file.getOriginalFilename() != null) ? file.getOriginalFilename() : "import", content,
							Map.of(), principal.userId().value(), false)
					.job();
				return "redirect:/prospects/imports/" + job.id() + "/mapping";
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors",
					ex.problems()
						.stream()
						.map((p) -> this.messages.getMessage(p.code(), p.arguments(), p.code(),
								LocaleContextHolder.getLocale()))
						.toList());
			model.addAttribute("jobs", this.imports.recent());
			return "prospects/imports";
		}
	}

	@GetMapping("/{id}/mapping")
	String mapping(@PathVariable UUID id, Model model) {
		ImportJob job = this.imports.find(id);
		if (!ImportJob.DRAFT.equals(job.status())) {
			return "redirect:/prospects/imports/" + id;
		}
		model.addAttribute("preview", this.imports.preview(id, Map.of()));
		model.addAttribute("fields", ImportField.values());
		return "prospects/mapping";
	}

	@PostMapping("/{id}/preview")
	String preview(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
		ImportJob job = this.imports.find(id);
		try {
			model.addAttribute("preview", this.imports.preview(id, chosenMapping(job, form)));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("preview", this.imports.preview(id, Map.of()));
			model.addAttribute("mappingErrors",
					ex.problems()
						.stream()
						.map((p) -> this.messages.getMessage(p.code(), p.arguments(), p.code(),
								LocaleContextHolder.getLocale()))
						.toList());
		}
		model.addAttribute("fields", ImportField.values());
		return "prospects/mapping :: preview";
	}

	@PostMapping("/{id}/start")
	@PreAuthorize("hasRole('AGENT')")
	String start(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form) {
		ImportJob job = this.imports.find(id);
		ImportJob started = this.imports.start(id, chosenMapping(job, form)).job();
		return "redirect:/prospects/imports/" + started.id();
	}

	@GetMapping("/{id}")
	String progress(@PathVariable UUID id, Model model, HtmxRequest htmx) {
		ImportJob job = this.imports.find(id);
		model.addAttribute("job", job);
		model.addAttribute("now", Instant.now());
		return htmx.isHtmxRequest() ? "prospects/progress :: progress" : "prospects/progress";
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize("hasRole('AGENT')")
	String cancel(@PathVariable UUID id) {
		this.imports.cancel(id);
		return "redirect:/prospects/imports/" + id;
	}

	@GetMapping("/{id}/rows.csv")
	void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		this.imports.find(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + ".csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Writer writer = response.getWriter();
		this.imports.writeReport(id, writer);
		writer.flush();
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
