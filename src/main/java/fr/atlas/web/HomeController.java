package fr.atlas.web;

import fr.atlas.platform.web.NavigationEntry;
import fr.atlas.tenancy.Members;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final Members members;

	HomeController(Members members) {
		this.members = members;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("memberCount", this.members.active().size());
		return "web/home";
	}

	@Bean
	static NavigationEntry homeNavigation() {
		return new NavigationEntry("/", "nav.home", 0, null, null);
	}

}
