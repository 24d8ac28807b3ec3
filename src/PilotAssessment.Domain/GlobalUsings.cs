// Namespaces that most files of this project use.
global using PilotAssessment.Entities;
global using PilotAssessment.ExceptionHandling;
global using PilotAssessment.MultiTenancy;
global using PilotAssessment.Repositories;
