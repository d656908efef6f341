package fr.atlas.audit;

import java.util.List;

/**
 * One page of audit entries, newest first, with the number of entries matching the
 * search.
 */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {

	public AuditPage {
		items = List.copyOf(items);
	}

	public int pageCount() {
		return (int) ((this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

}
