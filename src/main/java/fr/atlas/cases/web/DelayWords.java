package fr.atlas.cases.web;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * A workflow's delay as the pages say it ("2 j", "4 h"), as its diagram does, rather than
 * its ISO code (PT48H).
 */
@Component("delayWords")
public class DelayWords {

	public String of(Duration delay) {
		return WorkflowDiagram.human(delay);
	}

}
