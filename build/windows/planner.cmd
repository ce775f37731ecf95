@echo off
rem The planner's command line: the app itself runs it when its first argument is a command.
rem Its output reaches a file or a pipe (planner call ... > out.json); see docs\packaging.md.
"%~dp0Community Safety Planner.exe" %*
exit /b %ERRORLEVEL%
