package fr.atlas.prospects.web;

import java.util.List;

import fr.atlas.platform.UserId;
import fr.atlas.platform.web.HomeCard;
import fr.atlas.platform.web.HomeFigure;
import fr.atlas.prospects.internal.ProspectCounts;

import org.springframework.stereotype.Component;

/** The prospect base on the home page. */
@Component
class ProspectsHomeCard implements HomeCard {

	private final ProspectCounts counts;

	ProspectsHomeCard(ProspectCounts counts) {
		this.counts = counts;
	}

	@Override
	public String titleCode() {
		return "home.prospects";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public String feature() {
		return "prospects";
	}

	@Override
	public List<HomeFigure> figures(UserId member) {
		ProspectCounts.Counts now = this.counts.current();
		return List.of(HomeFigure.count("home.prospects.count", now.prospects(), "/prospects", false),
				HomeFigure.count("home.prospects.duplicates", now.duplicatesToReview(), "/prospects/duplicates",
						now.duplicatesToReview() > 0),
				HomeFigure.count("home.prospects.imports", now.importsUnderway(), "/prospects/imports", false));
	}

}
