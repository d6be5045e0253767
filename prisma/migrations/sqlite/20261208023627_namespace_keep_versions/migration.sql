-- AlterTable
ALTER TABLE "Namespace" ADD COLUMN "keepVersions" INTEGER;

