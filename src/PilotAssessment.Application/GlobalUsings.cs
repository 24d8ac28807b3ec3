// Namespaces that most files of this project use.
global using AutoMapper;
global using PilotAssessment.ExceptionHandling;
global using PilotAssessment.MultiTenancy;
global using PilotAssessment.Permissions;
global using PilotAssessment.Repositories;
global using PilotAssessment.Services;
