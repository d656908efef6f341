package fr.atlas.prospects.web;

import java.util.List;

import fr.atlas.platform.web.HomeCard;
import fr.atlas.platform.web.HomeFigure;
import fr.atlas.prospects.internal.ProspectCounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The prospect base on the home page. */
@Configuration(proxyBeanMethods = false)
class ProspectsHome {

	@Bean
	HomeCard prospectsHomeCard(ProspectCounts counts) {
		return new HomeCard("home.prospects", 10, "prospects", (member) -> figures(counts.current()));
	}

	static List<HomeFigure> figures(ProspectCounts.Counts now) {
		return List.of(HomeFigure.count("home.prospects.count", now.prospects(), "/prospects", false),
				HomeFigure.count("home.prospects.duplicates", now.duplicatesToReview(), "/prospects/duplicates",
						now.duplicatesToReview() > 0),
				HomeFigure.count("home.prospects.imports", now.importsUnderway(), "/prospects/imports", false));
	}

}
