CREATE INDEX "capabilities_updated_idx" ON "capabilities" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "needs_updated_idx" ON "needs" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "agreements_updated_idx" ON "agreements" USING btree ("updated_at","id");