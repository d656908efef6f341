package fr.atlas.tenancy;

import java.time.Instant;

import fr.atlas.platform.OrgId;

public record Organisation(OrgId orgId, String name, Instant createdAt) {
}
