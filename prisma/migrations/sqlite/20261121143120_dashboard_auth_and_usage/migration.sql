-- AlterTable
ALTER TABLE "Identity" ADD COLUMN "passwordHash" TEXT;

-- CreateTable
CREATE TABLE "UsageSample" (
    "namespaceId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "usedBytes" BIGINT NOT NULL,

    PRIMARY KEY ("namespaceId", "day"),
    CONSTRAINT "UsageSample_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

