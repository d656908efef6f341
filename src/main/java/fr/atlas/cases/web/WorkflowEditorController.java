package fr.atlas.cases.web;

import java.util.List;
import java.util.Map;

import fr.atlas.cases.internal.CaseJson;
import fr.atlas.cases.internal.CaseType;
import fr.atlas.cases.internal.CaseTypes;
import fr.atlas.cases.internal.WorkflowJson;
import fr.atlas.cases.internal.WorkflowVersion;
import fr.atlas.cases.internal.Workflows;
import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workflow editor of a case type: its versions, the states and transitions of one
 * version with a diagram, and a JSON editor that saves a new draft (refused with every
 * problem if the graph is invalid) and publishes drafts.
 */
@Controller
@RequestMapping("/cases/types/{key}/workflow")
class WorkflowEditorController {

	private final CaseTypes caseTypes;

	private final Workflows workflows;

	private final CaseJson json;

	private final UiMessages messages;

	private final JsonMapper pretty;

	private final CaseActors actors;

	WorkflowEditorController(CaseTypes caseTypes, Workflows workflows, CaseJson json, UiMessages messages,
			JsonMapper mapper, CaseActors actors) {
		this.actors = actors;
		this.caseTypes = caseTypes;
		this.workflows = workflows;
		this.json = json;
		this.messages = messages;
		this.pretty = mapper.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	@ModelAttribute("canAdmin")
	boolean canAdmin(@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.actors.of(principal).hasRole("ADMIN");
	}

	@GetMapping
	String show(@PathVariable String key, @RequestParam(required = false) @Nullable Integer version, Model model) {
		CaseType type = this.caseTypes.require(key);
		List<WorkflowVersion> versions = this.workflows.versions(key);
		WorkflowVersion shown = (version != null) ? this.workflows.version(key, version) : versions.getLast();
		String language = LocaleContextHolder.getLocale().getLanguage();
		model.addAttribute("types", this.caseTypes.all());
		model.addAttribute("caseType", type);
		model.addAttribute("versions", versions);
		model.addAttribute("shown", shown);
		model.addAttribute("current", this.workflows.current(key).version());
		model.addAttribute("diagram", WorkflowDiagram.svg(shown.definition(), language));
		model.addAttribute("lang", language);
		if (!model.containsAttribute("document")) {
			model.addAttribute("document", this.pretty.writeValueAsString(WorkflowJson.write(shown.definition())));
		}
		return "cases/workflow";
	}

	/** Downloads a case type with one workflow version, in the import format. */
	@GetMapping(path = "/export", produces = "application/json")
	@ResponseBody
	ResponseEntity<String> export(@PathVariable String key, @RequestParam int version) {
		CaseType type = this.caseTypes.require(key);
		WorkflowVersion shown = this.workflows.version(key, version);
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"" + key + "-v" + version + ".json\"")
			.body(this.pretty.writeValueAsString(this.caseTypes.export(type, shown.definition())));
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String saveDraft(@PathVariable String key, @RequestParam String document,
			@AuthenticationPrincipal AtlasPrincipal principal, RedirectAttributes redirect) {
		try {
			Map<String, Object> parsed = this.json.parseDocument("document", document);
			WorkflowVersion draft = this.workflows.createDraft(key, parsed, principal.userId());
			redirect.addFlashAttribute("notice", this.messages.text("cases.workflow.draft-saved", draft.version()));
			return "redirect:/cases/types/" + key + "/workflow?version=" + draft.version();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
			redirect.addFlashAttribute("document", document);
			return "redirect:/cases/types/" + key + "/workflow";
		}
	}

	@PostMapping("/{version}/publish")
	@PreAuthorize("hasRole('ADMIN')")
	String publish(@PathVariable String key, @PathVariable int version, RedirectAttributes redirect) {
		try {
			this.workflows.publish(key, version);
			redirect.addFlashAttribute("notice", this.messages.text("cases.workflow.published", version));
		}
		catch (ConflictException | InvalidInputException ex) {
			redirect.addFlashAttribute("error", this.messages.of(ex));
		}
		return "redirect:/cases/types/" + key + "/workflow?version=" + version;
	}

}
