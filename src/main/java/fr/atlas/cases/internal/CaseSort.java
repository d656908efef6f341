package fr.atlas.cases.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders the case list offers, each named on the page's address as its column
 * ({@code title}) for A → Z or with a minus ({@code -title}) for Z → A. Titles read in
 * French order (accents and case aside), as the agencies' names do; by deadline, the
 * nearest first, and the cases without one last, newest first among them (by their ids
 * alone, a page of them was any 50 of the organisation's).
 */
public enum CaseSort {

	NEWEST("-created", "created_at desc"), OLDEST("created", "created_at"), REFERENCE("reference", "reference"),
	REFERENCE_DESC("-reference", "reference desc"), TITLE("title", "title collate \"fr-x-icu\""),
	TITLE_DESC("-title", "title collate \"fr-x-icu\" desc"),
	DEADLINE("deadline", "sla_due_at nulls last, created_at desc"),
	DEADLINE_DESC("-deadline", "sla_due_at desc nulls last, created_at desc");

	private final String key;

	private final String orderBy;

	CaseSort(String key, String orderBy) {
		this.key = key;
		this.orderBy = orderBy;
	}

	/**
	 * The order a {@code sort} parameter names; none for a word the list does not know.
	 */
	public static Optional<CaseSort> of(String key) {
		return Arrays.stream(values()).filter((s) -> s.key.equals(key.strip())).findFirst();
	}

	public String key() {
		return this.key;
	}

	String orderBy() {
		return this.orderBy;
	}

}
