package fr.atlas.tenancy.web;

import fr.atlas.platform.NotFoundException;
import fr.atlas.tenancy.Feature;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where an htmx request for a switched-off module sends the browser: htmx shows no error
 * response, so the whole page says what happened.
 */
@Controller
class SwitchedOffModulePage {

	@GetMapping("/modules/{key}/switched-off")
	ModelAndView switchedOff(@PathVariable String key) {
		return SwitchedOffModuleProblems.page(Feature.parse(key).orElseThrow(() -> new NotFoundException("Module")));
	}

}
