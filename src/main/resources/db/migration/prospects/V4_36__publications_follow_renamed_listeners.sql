-- Commit 9ce94ac0 renamed three listener methods to on(EventType). Spring Modulith's registry
-- stores each publication under its listener's id (the method's class, name and parameter
-- types, as Spring's ApplicationListenerMethodAdapter forms it) and resubmits an incomplete one
-- only to the listener of that id: a publication the previous version left incomplete would
-- never be handed to the renamed method. Completed ones are history and keep their id (ADR 0072;
-- ListenerRenamesIntegrationTests checks each new id against the method it names).
update event_publication set listener_id = renamed.new_id
from (values
  ('fr.atlas.prospects.internal.DemoProspects.imported(fr.atlas.prospects.ImportJobFinished)',
   'fr.atlas.prospects.internal.DemoProspects.on(fr.atlas.prospects.ImportJobFinished)'),
  ('fr.atlas.prospects.internal.ImportWorker.wake(fr.atlas.prospects.ImportJobQueued)',
   'fr.atlas.prospects.internal.ImportWorker.on(fr.atlas.prospects.ImportJobQueued)'),
  ('fr.atlas.prospects.internal.ProspectBulkWorker.wake(fr.atlas.prospects.ProspectsBulkQueued)',
   'fr.atlas.prospects.internal.ProspectBulkWorker.on(fr.atlas.prospects.ProspectsBulkQueued)')
) as renamed (old_id, new_id)
where event_publication.listener_id = renamed.old_id
  and event_publication.completion_date is null;
